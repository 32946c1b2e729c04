package dev.osprey.sweeper.multirun;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.OverrideParseException;
import dev.osprey.composer.override.Overrides;
import dev.osprey.sweeper.space.TrialOverrides;
import dev.osprey.sweeper.hydra.HydraRuntime;
import dev.osprey.sweeper.hydra.HydraSettings;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.interpolation.Resolvers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A command line's overrides sorted by what they address: Osprey's settings, per-job launcher
 * sweeps, the job's fixed overrides and its sweeps; with the framework settings they produce.
 *
 * @param settings     defaults, then the primary config's {@code osprey:} node, then the command line
 * @param fixed        the job overrides that are not sweeps, in order
 * @param sweeps       every sweep: the job's, the config-declared search space's, per-job launcher settings
 * @param baseConfig   the primary config composed with the fixed overrides (checked before anything runs),
 *                     without Osprey's and Hydra's own nodes
 * @param hydra        the composed {@code hydra} node, when the config has one (Hydra's runtime, or the config's own)
 * @param notes        what the run does differently from what the config says (translated Hydra settings)
 */
public record SweepInputs(FrameworkSettings settings, List<ConfigOverride> fixed, List<ConfigOverride> sweeps,
                          Config baseConfig, Optional<Config> hydra, List<String> notes) {

    public static SweepInputs of(Composer composer, String configName, List<ConfigOverride> overrides) {
        return of(composer, configName, overrides, configName.replaceAll("\\.yaml$", ""), java.time.Clock.systemDefaultZone());
    }

    /**
     * The inputs of a run.
     *
     * @param jobName Hydra's job name ({@code ${hydra.job.name}}): a Hydra app's script name without {@code .py}
     * @param clock   the time of {@code ${now:...}} in Hydra's settings
     */
    public static SweepInputs of(Composer composer, String configName, List<ConfigOverride> overrides, String jobName,
                                 java.time.Clock clock) {
        List<ConfigOverride> framework = new ArrayList<>();
        List<ConfigOverride> fixed = new ArrayList<>();
        List<ConfigOverride> sweeps = new ArrayList<>();
        for (ConfigOverride o : overrides) {
            if (o.isSweep() && HydraRuntime.isHydraSetting(o.key())) {
                throw new IllegalArgumentException("'" + o.input() + "': Hydra's settings take a single value; a sweep"
                        + " of the app's parameters goes in hydra.sweeper.params in the config, or on the command line"
                        + " as the parameter itself (x=interval(0,1))");
            }
            if (FrameworkSettings.isFramework(o) && !(o.isSweep() && FrameworkSettings.isPerJob(o))) {
                framework.add(o);
            } else if (o.isSweep()) {
                sweeps.add(o);
            } else {
                fixed.add(o);
            }
        }
        Composition composition = composer.composeParsed(configName, fixed);
        Config base = composition.config();
        FrameworkSettings settings = FrameworkSettings.defaults();
        List<String> notes = new ArrayList<>();
        Optional<Config> hydra = base.find(HydraRuntime.KEY).filter(v -> v instanceof ConfigValue.MapValue)
                .map(v -> Config.of((ConfigValue.MapValue) v));
        if (hydra.isPresent()) {
            HydraSettings translated = HydraSettings.of(base, jobName, clock);
            settings = settings.withConfig(translated.ospreyNode());
            notes.addAll(translated.notes());
        }
        if (base.find("osprey").orElse(null) instanceof ConfigValue.MapValue node) {
            settings = settings.withConfig(Config.of(node));
        }
        settings = settings.withOverrides(framework);
        Set<String> swept = sweeps.stream().map(ConfigOverride::key).collect(Collectors.toSet());
        for (var entry : settings.params().entrySet()) {
            if (!swept.contains(entry.getKey())) {
                ConfigOverride declared = declaredSweep(entry.getKey(), entry.getValue());
                if (!declared.isSweep()) {
                    throw new IllegalArgumentException("osprey.sweeper.params." + entry.getKey() + " is '" + entry.getValue()
                            + "', which is not a sweep; use interval(..), range(..), choice(..) or a,b,c");
                }
                sweeps.add(declared);
            }
        }
        return new SweepInputs(settings, List.copyOf(fixed), List.copyOf(sweeps),
                withoutOsprey(composition.jobConfig()), hydra, List.copyOf(notes));
    }

    /** The config's {@code osprey:} node is an edge too: its sweep texts are parsed here, once. */
    private static ConfigOverride declaredSweep(String name, String sweep) {
        try {
            return Overrides.parse(name + "=" + sweep);
        } catch (OverrideParseException e) {
            throw new IllegalArgumentException("osprey.sweeper.params." + name + " in the config is '" + sweep
                    + "', which is not a sweep of the override grammar: " + e.getMessage()
                    + "; write it as on the command line, such as 'interval(0,1)' or 'choice(a,b)'", e);
        }
    }

    /** How each trial's parameter values become its job's overrides: the fixed ones, then the sweeps'. */
    public TrialOverrides trialOverrides() {
        return TrialOverrides.of(Stream.concat(fixed.stream(), sweeps.stream()).toList());
    }

    /**
     * The config a job is given: the composition without Hydra's node (whose run-time values only the
     * app's Hydra fills in), resolved, then without Osprey's node.
     */
    public static Config jobConfig(Composition composition, Resolvers resolvers) {
        return withoutOsprey(composition.resolvedJobConfig(resolvers));
    }

    /** The job's view of a config: Osprey's own node is not part of it (as Hydra's is not). */
    public static Config withoutOsprey(Config config) {
        if (!config.has("osprey")) {
            return config;
        }
        Config without = config.asOpen().delete("osprey");
        return config.isStruct() ? without.asStruct() : without;
    }

    /** Whether every sweep can be enumerated (so a grid is possible). */
    boolean allDiscrete() {
        return sweeps.stream().allMatch(ConfigOverride::isDiscreteSweep);
    }
}
