package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.value.ConfigValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code hydra} node of a composed config as an app sees it while it runs: with the values Hydra
 * fills in at run time (the output folder, the job's number and name, the launch folder, the config
 * group choices), and the {@code hydra:} resolver ({@code ${hydra:runtime.output_dir}}) that reads it,
 * so that Osprey resolves an app's config to the values its own Hydra will give it.
 *
 * @param node the hydra node, with its run-time values
 * @since 0.2
 */
public record HydraRuntime(Config node) {

    /** The config key of Hydra's own settings. */
    public static final String KEY = "hydra";

    /**
     * The hydra node of {@code composed}, if it has one, with run-time values.
     *
     * @param runtime  dotted keys under {@code hydra} and their values, e.g. {@code runtime.output_dir}
     * @param choices  the config group choices of the composition ({@code hydra.runtime.choices})
     */
    public static Optional<HydraRuntime> of(Config composed, Map<String, ?> runtime, Map<String, String> choices) {
        if (!(composed.find(KEY).orElse(null) instanceof ConfigValue.MapValue map)) {
            return Optional.empty();
        }
        Config node = Config.of(map).asOpen();
        for (Map.Entry<String, ?> value : runtime.entrySet()) {
            node = node.forceAdd(value.getKey(), value.getValue());
        }
        node = node.forceAdd("runtime.choices", new LinkedHashMap<>(choices));
        return Optional.of(new HydraRuntime(node));
    }

    /**
     * The run-time values of one job as Hydra sets them.
     *
     * @param jobName   Hydra's job name: the app script's name without {@code .py}, unless the config set one
     * @param outputDir the job's folder
     * @param launchDir where the app was started from ({@code runtime.cwd})
     * @param number    the job's number in a sweep, if it is part of one
     */
    public static Map<String, Object> runtime(Config composed, String jobName, String outputDir, String launchDir,
                                              Optional<Integer> number) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean named = composed.find(KEY + ".job.name").filter(v -> v instanceof ConfigValue.StringValue).isPresent();
        if (!named) {
            values.put("job.name", jobName);
        }
        values.put("runtime.output_dir", outputDir);
        values.put("runtime.cwd", launchDir);
        number.ifPresent(n -> {
            values.put("job.num", n);
            values.put("job.id", Integer.toString(n));
        });
        return values;
    }

    /**
     * Registers in {@code resolvers} (replacing one of that name) a {@code hydra} resolver that reads
     * this node, resolving what it reads with the same resolvers; returns {@code resolvers}.
     */
    public Resolvers registerIn(Resolvers resolvers) {
        Config root = Config.of(Map.of(KEY, node.root().toPlain()));
        return resolvers.replace(KEY, arguments -> {
            if (arguments.size() != 1 || !(arguments.get(0) instanceof ConfigValue.StringValue key)) {
                throw new IllegalArgumentException("hydra takes one key, such as ${hydra:runtime.output_dir}, got "
                        + arguments.stream().map(ConfigValue::toPlain).toList());
            }
            if (root.find(KEY + "." + key.value()).isEmpty()) {
                throw new IllegalArgumentException("the hydra node has no key '" + key.value() + "'");
            }
            return root.getResolved(KEY + "." + key.value(), resolvers);
        });
    }

    /** A plain text setting of the node, such as {@code run.dir}, unresolved. */
    public Optional<String> text(String path) {
        return node.find(path).filter(v -> v instanceof ConfigValue.StringValue).map(v -> ((ConfigValue.StringValue) v).value());
    }

    /** The names of Hydra's own command-line settings: {@code hydra.*} keys and {@code hydra/...} groups. */
    public static boolean isHydraSetting(String key) {
        return key.equals(KEY) || key.startsWith(KEY + ".") || key.startsWith(KEY + "/");
    }
}
