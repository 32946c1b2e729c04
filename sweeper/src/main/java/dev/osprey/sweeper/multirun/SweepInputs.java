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
 * @param baseConfig   the primary config composed with the fixed overrides (checked before anything runs)
 * @param fromConfig   the parameters of {@code sweeps} that the primary config's {@code osprey.sweeper.params} gave
 * @param space        the search space with what the options of config groups declare: present in the
 *                     inputs of a sweep ({@link #forSweep}), whose {@code sweeps} then hold its sweeps
 */
public record SweepInputs(FrameworkSettings settings, List<ConfigOverride> fixed, List<ConfigOverride> sweeps,
                          Config baseConfig, Set<String> fromConfig, Optional<ConditionalSpace> space) {

    /**
     * The inputs of a sweep: as {@link #of}, with the search space that the options of config groups
     * declare under {@code osprey: params:} ({@link ConditionalSpaces}); {@link #sweeps()} then holds
     * every sweep of that space.
     */
    public static SweepInputs forSweep(Composer composer, String configName, List<ConfigOverride> overrides) {
        SweepInputs inputs = of(composer, configName, overrides);
        String primary = configName.endsWith(".yaml") ? configName : configName + ".yaml";
        List<ConditionalSpaces.Declared> explicit = inputs.sweeps().stream().map(o -> new ConditionalSpaces.Declared(o,
                inputs.fromConfig().contains(o.keyElement()) ? primary + " osprey.sweeper.params" : "command line")).toList();
        ConditionalSpace space = ConditionalSpaces.of(composer, configName, inputs.fixed(), explicit);
        return new SweepInputs(inputs.settings(), inputs.fixed(), List.copyOf(space.sweeps().values()),
                inputs.baseConfig(), inputs.fromConfig(), Optional.of(space));
    }

    public static SweepInputs of(Composer composer, String configName, List<ConfigOverride> overrides) {
        List<ConfigOverride> framework = new ArrayList<>();
        List<ConfigOverride> fixed = new ArrayList<>();
        List<ConfigOverride> sweeps = new ArrayList<>();
        for (ConfigOverride o : overrides) {
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
        return new SweepInputs(settings, List.copyOf(fixed), List.copyOf(sweeps), withoutOsprey(base, composition, composer.repository()),
                java.util.Collections.unmodifiableSet(fromConfig), Optional.empty());
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
