package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.value.ConfigValue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a composed {@code hydra} node means to Osprey, as an {@code osprey:} node of settings below the
 * config's own and the command line's: where runs and sweeps write ({@code hydra.run.dir},
 * {@code hydra.sweep.dir}) and, for a hydra-optuna-sweeper project, the whole sweep
 * ({@link OptunaSweeperSettings}). Everything else in the node is Hydra's own business: the app's
 * Hydra reads it, Osprey passes it on untouched.
 *
 * @param ospreyNode the settings, as an {@code osprey:} node
 * @param notes      one line each on what was translated or is done differently
 * @since 0.2
 */
public record HydraSettings(Config ospreyNode, List<String> notes) {

    /** Hydra's default {@code hydra.sweep.subdir}: the job's number, which is how Osprey names job folders. */
    static final String NUMBERED_SUBDIR = "${hydra.job.num}";

    public HydraSettings {
        Objects.requireNonNull(ospreyNode, "ospreyNode");
        notes = List.copyOf(notes);
    }

    /**
     * The settings of {@code composed}'s {@code hydra} node (none when it has no such node).
     *
     * @param jobName Hydra's job name, for {@code ${hydra.job.name}} in the output folders
     * @param clock   the time of {@code ${now:...}} in the output folders
     */
    public static HydraSettings of(Config composed, String jobName, Clock clock) {
        Optional<HydraRuntime> hydra = HydraRuntime.of(composed, Map.of("job.name", jobName), Map.of());
        if (hydra.isEmpty()) {
            return new HydraSettings(Config.empty(), List.of());
        }
        Resolvers resolvers = hydra.get().registerIn(Resolvers.standard(System::getenv, clock, Map.of()));
        Config root = Config.of(Map.of(HydraRuntime.KEY, hydra.get().node().root().toPlain()));
        Map<String, Object> node = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        outputDir(root, "run.dir", resolvers).ifPresent(dir -> node.put("run", Map.of("dir", dir)));
        outputDir(root, "sweep.dir", resolvers).ifPresent(dir -> node.put("sweep", Map.of("dir", dir)));
        hydra.get().text("sweep.subdir").filter(subdir -> !subdir.equals(NUMBERED_SUBDIR)).ifPresent(subdir ->
                notes.add("hydra.sweep.subdir is " + subdir + ", but Osprey names each job's folder by its trial"
                        + " number (the sweep folder holds 0, 1, 2, ...), so that a resumed sweep never reuses one"));
        Config settings = Config.of(node);
        if (OptunaSweeperSettings.selected(hydra.get().node())) {
            ConfigValue sweeper = root.getResolved(HydraRuntime.KEY + ".sweeper", resolvers);
            OptunaSweeperSettings optuna = OptunaSweeperSettings.of(Config.of(Map.of("sweeper", sweeper.toPlain())));
            settings = settings.merge(optuna.ospreyNode());
            notes.addAll(optuna.notes());
        }
        return new HydraSettings(settings, notes);
    }

    /** An output folder pattern of the node, with Hydra's own references resolved and {@code ${now:...}} kept. */
    private static Optional<String> outputDir(Config root, String key, Resolvers resolvers) {
        Optional<ConfigValue> value = root.find(HydraRuntime.KEY + "." + key);
        if (value.isEmpty() || !(value.get() instanceof ConfigValue.StringValue text)) {
            return value.filter(v -> !(v instanceof ConfigValue.NullValue)).map(v -> String.valueOf(v.toPlain()));
        }
        // ${now:...} is left to the output folders, which date a run by its own start
        return Optional.of(text.value().contains("${hydra") ? String.valueOf(root.getResolved(HydraRuntime.KEY + "." + key,
                resolvers).toPlain()) : text.value());
    }

    /** Hydra's job name of an app: its script's name without {@code .py}. */
    public static String jobName(Path script) {
        String name = script.getFileName().toString();
        return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
    }
}
