package dev.osprey.sweeper.multirun;

import dev.osprey.composer.compose.ComposedDefault;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.config.Secrets;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.sweeper.space.ConditionalSpace;

import dev.osprey.sweeper.hydra.HydraRuntime;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code --cfg job|osprey|hydra|all} and {@code --info}: what a run would compose, without running it. */
public final class ConfigView {

    private ConfigView() {
    }

    public static String show(RunRequest request, String which, boolean resolve) {
        Composer composer = Configs.composer(request);
        SweepInputs inputs = SweepInputs.of(composer, request.configName(), withoutSweeps(request.overrides()),
                request.jobName(), Clock.systemDefaultZone(), request.multirun());
        Config job = inputs.baseConfig();
        if (resolve) {
            Composition composition = composer.composeParsed(request.configName(), inputs.fixed());
            Resolvers resolvers = Resolvers.standard(System::getenv, Clock.systemDefaultZone(), Map.of("job.num", 0,
                    "trial.number", 0, "study.name", request.configName(), "output_dir", "<output dir>",
                    "runtime.output_dir", "<output dir>"));
            job = SweepInputs.jobConfig(request, composition, resolvers, composer.repository(), "<output dir>",
                    java.util.Optional.empty());
        }
        // the settings hold the storage location, and with it maybe a password
        return Secrets.mask(switch (which) {
            case "job" -> job.toYaml();
            case "osprey" -> Config.of(Map.of("osprey", inputs.settings().asConfig().root().toPlain())).toYaml()
                    + searchSpace(composer, request) + resources(composer, request, inputs);
            case "hydra" -> Config.of(Map.of(HydraRuntime.KEY, inputs.hydra().orElseThrow(() -> new IllegalArgumentException(
                    "--cfg hydra: this config has no hydra node (Java apps compose without Hydra's settings)"))
                    .root().toPlain())).toYaml();
            case "all" -> {
                Config all = job.asOpen();
                if (inputs.hydra().isPresent()) {
                    all = all.forceAdd(HydraRuntime.KEY, inputs.hydra().get().root().toPlain());
                }
                yield all.forceAdd("osprey", inputs.settings().asConfig().root().toPlain()).toYaml();
            }
            default -> throw new IllegalArgumentException("--cfg takes job, osprey, hydra or all, not '" + which + "'");
        });
    }

    /**
     * A sweep's search space as a tree ({@link ConditionalSpace#describe}), with the parameters the
     * options of config groups declare under the option; empty for a single run or a sweep without
     * parameters.
     */
    static String searchSpace(Composer composer, RunRequest request) {
        if (!request.multirun()) {
            return "";
        }
        ConditionalSpace space = SweepInputs.forSweep(composer, request.configName(), request.overrides(), request.jobName(),
                Clock.systemDefaultZone()).space()
                .orElseThrow();
        if (space.sweeps().isEmpty()) {
            return "";
        }
        return "\n# search space" + (space.isConditional() ? " (conditional: a parameter under an option exists only"
                + " in the trials that choose it)" : "") + "\n" + space.describe();
    }

    /** The resource presets the jobs of this run can get ({@link ResourcePresets}). */
    static String resources(Composer composer, RunRequest request, SweepInputs inputs) {
        SweepInputs all = request.multirun() ? SweepInputs.forSweep(composer, request.configName(), request.overrides(),
                request.jobName(), Clock.systemDefaultZone()) : inputs;
        return ResourcePresets.describe(ResourcePresets.possible(composer, request.configName(), all));
    }

    public static String info(RunRequest request) {
        Composer composer = Configs.composer(request);
        Composition composition = composer.composeParsed(request.configName(),
                withoutFramework(withoutSweeps(request.overrides())));
        StringBuilder out = new StringBuilder();
        out.append("Config search path: ").append(composer.repository().location()).append('\n');
        out.append("Primary config: ").append(request.configName()).append('\n');
        out.append("Defaults list:\n");
        for (ComposedDefault step : composition.defaults()) {
            out.append("  ").append(step.configPath()).append(step.packageName().isEmpty() ? "" : " @ " + step.packageName())
                    .append('\n');
        }
        out.append("Choices:\n");
        composition.choices().forEach((group, option) -> out.append("  ").append(group).append(": ").append(option).append('\n'));
        out.append("Overrides: ").append(request.overrides()).append('\n');
        return Secrets.mask(out.toString());
    }

    private static List<ConfigOverride> withoutSweeps(List<ConfigOverride> overrides) {
        return overrides.stream().filter(o -> !o.isSweep()).toList();
    }

    private static List<ConfigOverride> withoutFramework(List<ConfigOverride> overrides) {
        return overrides.stream().filter(o -> !FrameworkSettings.isFramework(o)).toList();
    }
}
