package dev.osprey.composer.compose;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.MapValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The closed key sets of Hydra's structured configs. Hydra registers {@code hydra/config}, the
 * launcher, the sweepers and the Optuna samplers as dataclasses, so once one of them is merged, a
 * later config of the Defaults List that brings a key the dataclass lacks fails
 * ({@code Key 'seed' not in 'GridSamplerConfig'}); the keys a node already had when the dataclass
 * was merged onto it stay allowed, as in OmegaConf. Nodes typed {@code Any} or {@code Dict} (the
 * logging configs, {@code env}, {@code callbacks}, {@code job.env_set}, {@code sweeper.params}) stay
 * open. One instance per composition; it only exists with Hydra's runtime.
 */
final class HydraSchemas {

    /** A dataclass node: where it is, its class and the class its parent field declares (or null). */
    private record Closed(String path, String className, String referenceType, Set<String> keys) {
    }

    /** The dataclass of each structured config Hydra and the Optuna sweeper plugin register. */
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("hydra/config", "HydraConf"),
            Map.entry("hydra/launcher/basic", "BasicLauncherConf"),
            Map.entry("hydra/sweeper/basic", "BasicSweeperConf"),
            Map.entry("hydra/sweeper/optuna", "OptunaSweeperConf"),
            Map.entry("hydra/sweeper/sampler/tpe", "TPESamplerConfig"),
            Map.entry("hydra/sweeper/sampler/random", "RandomSamplerConfig"),
            Map.entry("hydra/sweeper/sampler/grid", "GridSamplerConfig"),
            Map.entry("hydra/sweeper/sampler/cmaes", "CmaEsSamplerConfig"),
            Map.entry("hydra/sweeper/sampler/nsgaii", "NSGAIISamplerConfig"),
            Map.entry("hydra/sweeper/sampler/motpe", "MOTPESamplerConfig"),
            Map.entry("hydra/sweeper/sampler/qmc", "QMCSamplerConfig"),
            Map.entry("hydra/sweeper/sampler/gp", "GPSamplerConfig"));

    /** The dataclass fields of HydraConf, relative to the hydra node. */
    private static final Map<String, String> HYDRA_CONF_FIELDS = Map.of("run", "RunDir", "sweep", "SweepDir",
            "help", "HelpConf", "hydra_help", "HydraHelpConf", "overrides", "OverridesConf", "job", "JobConf",
            "job.config", "JobConfig", "job.config.override_dirname", "OverrideDirname", "runtime", "RuntimeConf");

    private final List<Closed> closed = new ArrayList<>();

    /**
     * Checks that {@code placed}, the content of {@code configPath} placed at its package, adds no
     * key to a dataclass node merged before it.
     *
     * @throws CompositionException in Hydra's words, naming the config, the key and the dataclass
     */
    void checkMerge(String configPath, MapValue placed) {
        for (Closed node : closed) {
            if (find(placed, node.path()) instanceof MapValue map) {
                for (String key : map.entries().keySet()) {
                    if (!node.keys().contains(key)) {
                        throw new CompositionException("In '" + configPath + "': ConfigKeyError raised while composing"
                                + " config:\nKey '" + key + "' not in '" + node.className() + "'\n    full_key: "
                                + node.path() + "." + key + "\n"
                                + (node.referenceType() == null ? "" : "    reference_type=" + node.referenceType() + "\n")
                                + "    object_type=" + node.className());
                    }
                }
            }
        }
    }

    /** After {@code configPath}, one of Hydra's structured configs, was merged at {@code packageName}. */
    void merged(String configPath, String packageName, MapValue result) {
        String className = CLASSES.get(configPath);
        if (className == null) {
            return;
        }
        String reference = configPath.startsWith("hydra/sweeper/sampler/") ? "SamplerConfig" : null;
        close(result, packageName, className, reference);
        if (configPath.equals(HydraConfigs.ROOT_CONFIG)) {
            HYDRA_CONF_FIELDS.forEach((field, type) -> close(result, packageName + "." + field, type, type));
        }
    }

    private void close(MapValue result, String path, String className, String referenceType) {
        if (find(result, path) instanceof MapValue map) {
            closed.add(new Closed(path, className, referenceType, new TreeSet<>(map.entries().keySet())));
        }
    }

    private static ConfigValue find(MapValue root, String dotted) {
        ConfigValue node = root;
        for (String key : dotted.split("\\.")) {
            if (!(node instanceof MapValue map)) {
                return null;
            }
            node = map.entries().get(key);
        }
        return node;
    }
}
