package dev.osprey.sweeper.multirun;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.multirun.BasicSweeper;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.launchers.LauncherSettings;
import dev.osprey.launchers.Resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each job's resource preset: the node that {@code osprey.launcher.resources_from} names in the
 * job's own composed config (the option of a config group such as {@code task_env} that the job
 * chose, also when a sweep chose it), or else {@code osprey.launcher.resources}. Read per job, so a
 * swept preset reaches the job that chose it.
 */
final class ResourcePresets {

    /** The launcher setting naming where presets are: {@code osprey.launcher.resources_from}. */
    static final String FROM = "resources_from";
    private static final String LAUNCHER_NODE = "osprey.launcher";

    private final Optional<String> source;
    /** The {@code osprey.launcher} node of the composition without the trial's parameters. */
    private final Optional<ConfigValue> baseLauncherNode;

    private ResourcePresets(Optional<String> source, Optional<ConfigValue> baseLauncherNode) {
        this.source = source;
        this.baseLauncherNode = baseLauncherNode;
    }

    static ResourcePresets of(Composer composer, String configName, SweepInputs inputs) {
        Composition base = composer.composeParsed(configName, inputs.fixed());
        return new ResourcePresets(source(inputs.settings()), base.config().find(LAUNCHER_NODE));
    }

    /** Where the presets are, from {@code osprey.launcher.resources_from}; empty when not set. */
    static Optional<String> source(FrameworkSettings settings) {
        return new LauncherSettings("osprey", settings.launcherSettings()).string(FROM).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /**
     * A job's launcher settings: the sweep's, then what the job's composition changed in its own
     * {@code osprey.launcher} node (a group option the trial chose may set it), then the job's
     * preset as {@code resources}.
     *
     * @param settings  the sweep's launcher settings
     * @param job       the job's composition
     * @param jobConfig the job's resolved config
     */
    Config jobSettings(Config settings, Composition job, Config jobConfig) {
        Config out = settings;
        if (job.config().find(LAUNCHER_NODE).orElse(null) instanceof ConfigValue.MapValue node) {
            Map<String, ConfigValue> base = baseLauncherNode.orElse(null) instanceof ConfigValue.MapValue b
                    ? b.entries() : Map.of();
            for (Map.Entry<String, ConfigValue> e : node.entries().entrySet()) {
                if (!e.getValue().equals(base.get(e.getKey()))) {
                    out = out.forceAdd(e.getKey(), e.getValue().toPlain());
                }
            }
        }
        if (source.isPresent()) {
            Optional<ConfigValue> preset = jobConfig.find(source.get()).or(() -> job.config().find(source.get()))
                    .filter(v -> !(v instanceof ConfigValue.NullValue));
            if (preset.isPresent()) {
                Resources.from(preset.get(), source.get()); // a bad preset is refused, naming where it is
                out = out.forceAdd(Resources.SETTING, preset.get().toPlain());
            }
        }
        return out;
    }

    /**
     * Every preset the jobs of a run can get, by where it comes from: the preset of the composed
     * config, or one per option when the preset's group is swept ({@code +task_env=a10g,a100}).
     * Reading them checks them, before any job runs.
     *
     * @throws IllegalArgumentException for a preset that is not one, naming where it is and what is wrong
     */
    static Map<String, Resources> possible(Composer composer, String configName, SweepInputs inputs) {
        try {
            return read(composer, configName, inputs);
        } catch (dev.osprey.launchers.LauncherException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // a mistake in the config, as any other
        }
    }

    private static Map<String, Resources> read(Composer composer, String configName, SweepInputs inputs) {
        Map<String, Resources> out = new LinkedHashMap<>();
        Optional<String> source = source(inputs.settings());
        if (source.isEmpty()) {
            Resources inline = Resources.ofSettings(inputs.settings().launcherSettings());
            if (!inline.requested().isEmpty()) {
                out.put("osprey.launcher." + Resources.SETTING, inline);
            }
            return out;
        }
        String path = source.get();
        Optional<ConfigOverride> swept = inputs.sweeps().stream()
                .filter(o -> o.key().equals(path) && o.isDiscreteSweep()).findFirst();
        if (swept.isEmpty()) {
            read(composer.composeParsed(configName, inputs.fixed()), path)
                    .ifPresent(node -> out.put(path, Resources.from(node, path)));
            return out;
        }
        List<List<ConfigOverride>> options = BasicSweeper.create().withGroupOptions(composer.repository()::options)
                .jobs(List.of(swept.get()));
        for (List<ConfigOverride> option : options) {
            List<ConfigOverride> overrides = new ArrayList<>(inputs.fixed());
            overrides.addAll(option);
            String label = option.get(0).keyElement().replaceFirst("^\\+", "") + "=" + option.get(0).valueString();
            read(composer.composeParsed(configName, overrides), path)
                    .ifPresent(node -> out.put(label, Resources.from(node, label)));
        }
        return out;
    }

    private static Optional<ConfigValue> read(Composition composition, String path) {
        return composition.config().find(path).filter(v -> !(v instanceof ConfigValue.NullValue));
    }

    /** {@code --cfg osprey}'s account of the resources each job gets; empty without presets. */
    static String describe(Map<String, Resources> presets) {
        if (presets.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n# resources per job\n");
        presets.forEach((where, r) -> out.append("#   ").append(where).append(": ").append(r.describe()).append('\n'));
        return out.toString();
    }
}
