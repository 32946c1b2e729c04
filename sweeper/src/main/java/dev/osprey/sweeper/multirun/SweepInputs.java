package dev.osprey.sweeper.multirun;

import dev.osprey.composer.compose.ComposedDefault;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.OverrideParseException;
import dev.osprey.composer.override.Overrides;
import dev.osprey.sweeper.space.ConditionalSpace;
import dev.osprey.sweeper.space.ConditionalSpaces;
import dev.osprey.sweeper.space.TrialOverrides;
import dev.osprey.sweeper.hydra.HydraLauncherSettings;
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
 * @param fixed        the job overrides that are not sweeps, in order, without those of Hydra's launcher
 *                     ({@code hydra/launcher=...}, {@code hydra.launcher.*}): Osprey does the launcher's work
 * @param sweeps       every sweep: the job's, the config-declared search space's, per-job launcher settings
 * @param baseConfig   the primary config composed with the fixed overrides (checked before anything runs),
 *                     without Osprey's and Hydra's own nodes
 * @param hydra        the composed {@code hydra} node, when the config has one (Hydra's runtime, or the config's own)
 * @param notes        what the run does differently from what the config says (translated Hydra settings)
 * @param fromConfig   the parameters of {@code sweeps} that the config's {@code osprey.sweeper.params} (or a
 *                     hydra-optuna-sweeper project's {@code hydra.sweeper.params}) gave
 * @param space        the search space with what the options of config groups declare: present in the
 *                     inputs of a sweep ({@link #forSweep}), whose {@code sweeps} then hold its sweeps
 */
public record SweepInputs(FrameworkSettings settings, List<ConfigOverride> fixed, List<ConfigOverride> sweeps,
                          Config baseConfig, Optional<Config> hydra, List<String> notes, Set<String> fromConfig,
                          Optional<ConditionalSpace> space) {

    /**
     * The inputs of a sweep: as {@link #of}, with the search space that the options of config groups
     * declare under {@code osprey: params:} ({@link ConditionalSpaces}); {@link #sweeps()} then holds
     * every sweep of that space.
     */
    public static SweepInputs forSweep(Composer composer, String configName, List<ConfigOverride> overrides) {
        return forSweep(composer, configName, overrides, configName.replaceAll("\\.yaml$", ""),
                java.time.Clock.systemDefaultZone());
    }

    /** The inputs of a sweep, with Hydra's job name and the clock of {@link #of(Composer, String, List, String, java.time.Clock)}. */
    public static SweepInputs forSweep(Composer composer, String configName, List<ConfigOverride> overrides,
                                       String jobName, java.time.Clock clock) {
        SweepInputs inputs = of(composer, configName, overrides, jobName, clock);
        String primary = configName.endsWith(".yaml") ? configName : configName + ".yaml";
        List<ConditionalSpaces.Declared> explicit = inputs.sweeps().stream().map(o -> new ConditionalSpaces.Declared(o,
                !inputs.fromConfig().contains(o.keyElement()) ? "command line"
                        : primary + (inputs.hydraDeclares(o.keyElement()) ? " hydra.sweeper.params" : " osprey.sweeper.params")))
                .toList();
        ConditionalSpace space = ConditionalSpaces.of(composer, configName, inputs.fixed(), explicit);
        return new SweepInputs(inputs.settings(), inputs.fixed(), List.copyOf(space.sweeps().values()),
                inputs.baseConfig(), inputs.hydra(), inputs.notes(), inputs.fromConfig(), Optional.of(space));
    }

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
        return of(composer, configName, overrides, jobName, clock, true);
    }

    /**
     * The inputs of a sweep or, with {@code sweep} false, of a single run (whose settings leave out
     * what only concerns sweeps, such as a Hydra launcher plugin).
     */
    public static SweepInputs of(Composer composer, String configName, List<ConfigOverride> overrides, String jobName,
                                 java.time.Clock clock, boolean sweep) {
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
            HydraSettings translated = HydraSettings.of(base, jobName, clock, sweep);
            settings = settings.withConfig(translated.ospreyNode());
            notes.addAll(translated.notes());
        }
        if (base.find("osprey").orElse(null) instanceof ConfigValue.MapValue node) {
            settings = settings.withConfig(Config.of(node));
        }
        settings = settings.withOverrides(framework);
        Set<String> swept = sweeps.stream().map(ConfigOverride::key).collect(Collectors.toSet());
        Set<String> fromConfig = new java.util.LinkedHashSet<>();
        for (var entry : settings.params().entrySet()) {
            if (!swept.contains(entry.getKey())) {
                ConfigOverride declared = declaredSweep(entry.getKey(), entry.getValue());
                if (!declared.isSweep()) {
                    throw new IllegalArgumentException("osprey.sweeper.params." + entry.getKey() + " is '" + entry.getValue()
                            + "', which is not a sweep; use interval(..), range(..), choice(..) or a,b,c");
                }
                sweeps.add(declared);
                fromConfig.add(declared.keyElement());
            }
        }
        return new SweepInputs(settings, HydraLauncherSettings.forwarded(fixed), List.copyOf(sweeps),
                withoutOsprey(composition.jobConfig(), composition, composer.repository()), hydra, List.copyOf(notes),
                java.util.Collections.unmodifiableSet(fromConfig), Optional.empty());
    }

    /** Whether a hydra-optuna-sweeper project's {@code hydra.sweeper.params} declares {@code parameter}. */
    boolean hydraDeclares(String parameter) {
        return hydra.flatMap(h -> h.find("sweeper.params")).filter(v -> v instanceof ConfigValue.MapValue)
                .map(v -> ((ConfigValue.MapValue) v).entries().containsKey(parameter)).orElse(false);
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
     *
     * @param outputDir the job's folder ({@code hydra.runtime.output_dir})
     * @param number    the job's number in a sweep; empty for a single run
     */
    public static Config jobConfig(RunRequest request, Composition composition, Resolvers resolvers,
                                   ConfigRepository repository, String outputDir, Optional<Integer> number) {
        // ${hydra:runtime.output_dir} and the like resolve to what the app's own Hydra will give it
        HydraRuntime.of(composition.config(), HydraRuntime.runtime(composition.config(), request.jobName(), outputDir,
                request.workingDir().toString(), number), composition.choices())
                .ifPresent(hydra -> hydra.registerIn(resolvers));
        return withoutOsprey(composition.resolvedJobConfig(resolvers), composition, repository);
    }

    /** The job's view of a config: Osprey's own node is not part of it (as Hydra's is not). */
    public static Config withoutOsprey(Config config) {
        if (!config.has("osprey")) {
            return config;
        }
        Config without = config.asOpen().delete("osprey");
        return config.isStruct() ? without.asStruct() : without;
    }

    /**
     * The job's view of a composed config: neither the primary config's {@code osprey:} node nor those
     * of the group options composed into it (where their package put them, such as {@code model.osprey})
     * are part of it.
     */
    public static Config withoutOsprey(Config config, Composition composition, ConfigRepository repository) {
        Config out = withoutOsprey(config);
        for (ComposedDefault step : composition.defaults()) {
            if (step.packageName().isEmpty() || step.parent() == null) {
                continue;
            }
            String node = step.packageName() + "." + ConditionalSpaces.NODE;
            if (out.has(node) && repository.content(step.configPath()).map(c -> c.has(ConditionalSpaces.NODE)).orElse(false)) {
                Config without = out.asOpen().delete(node);
                out = out.isStruct() ? without.asStruct() : without;
            }
        }
        return out;
    }

    /** Whether every sweep can be enumerated (so a grid is possible). */
    boolean allDiscrete() {
        return sweeps.stream().allMatch(ConfigOverride::isDiscreteSweep);
    }
}
