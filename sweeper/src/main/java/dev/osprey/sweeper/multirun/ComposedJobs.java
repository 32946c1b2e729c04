package dev.osprey.sweeper.multirun;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.output.JobDirectory;
import dev.osprey.composer.output.SweepDirectory;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.Pruning;
import dev.osprey.launchers.Task;
import dev.osprey.sweeper.JobFactory;
import dev.osprey.sweeper.space.TrialOverrides;

import dev.osprey.sweeper.hydra.HydraJobs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes each trial's job through the composer: the fixed overrides plus the trial's parameters,
 * each its sweep's override with the trial's value ({@link TrialOverrides}), compose its config (a
 * parameter naming a config group selects that option), interpolations are resolved with the job's
 * runtime values, and the job directory gets its {@code .osprey/} snapshot. Parameters under
 * {@code osprey.launcher.} change the job's launcher settings instead, as do the job's resource preset
 * and what its chosen group options set under {@code osprey.launcher} ({@link ResourcePresets}).
 */
final class ComposedJobs implements JobFactory {

    private static final String LAUNCHER_PREFIX = "osprey.launcher.";

    private final Composer composer;
    private final String configName;
    private final SweepInputs inputs;
    private final TrialOverrides trialOverrides;
    private final SweepDirectory sweepDir;
    private final Task task;
    private final String studyName;
    private final Clock clock;
    private final RunRequest request;
    private final Optional<Path> hydraCallback;
    private final ResourcePresets presets;

    /**
     * @param hydraCallback the folder of Osprey's Hydra callback, when the program is a Hydra app
     */
    ComposedJobs(Composer composer, RunRequest request, SweepInputs inputs, SweepDirectory sweepDir,
                 String studyName, Clock clock, Optional<Path> hydraCallback) {
        this.composer = composer;
        this.request = request;
        this.configName = request.configName();
        this.inputs = inputs;
        this.trialOverrides = inputs.trialOverrides();
        this.sweepDir = sweepDir;
        this.task = request.task();
        this.hydraCallback = hydraCallback;
        this.studyName = studyName;
        this.clock = clock;
        this.presets = ResourcePresets.of(composer, configName, inputs);
    }

    @Override
    public Job create(int number, Map<String, Object> params, Pruning pruning) {
        List<ConfigOverride> overrides = new ArrayList<>(trialOverrides.fixed());
        List<ConfigOverride> launcherOverrides = new ArrayList<>();
        for (Map.Entry<String, Object> p : params.entrySet()) {
            ConfigOverride parameter = trialOverrides.parameter(p.getKey(), p.getValue());
            if (p.getKey().startsWith(LAUNCHER_PREFIX)) {
                launcherOverrides.add(parameter);
            } else {
                overrides.add(parameter);
            }
        }
        Composition composition = composer.composeParsed(configName, overrides);
        JobDirectory dir = sweepDir.createJob(number);
        Map<String, Object> runtime = Map.of("job.num", number, "trial.number", number, "study.name", studyName,
                "output_dir", dir.path().toString(), "runtime.output_dir", dir.path().toString());
        Resolvers resolvers = Resolvers.standard(System::getenv, clock, runtime);
        Config config = SweepInputs.jobConfig(request, composition, resolvers, composer.repository(), dir.path().toString(),
                Optional.of(number));
        // the job's own composition decides its preset, so that a swept preset reaches the job that chose it
        Config settings = presets.jobSettings(inputs.settings().launcherSettings(), composition, config);
        for (ConfigOverride parameter : launcherOverrides) {
            settings = settings.forceAdd(parameter.key().substring(LAUNCHER_PREFIX.length()),
                    Overrides.plainValue((Element) parameter.value()));
        }
        List<ConfigOverride> snapshot = new ArrayList<>(overrides);
        snapshot.addAll(launcherOverrides);
        dir.writeMetadata(config, snapshot, inputs.settings().asConfig());
        Task jobTask = task;
        if (hydraCallback.isPresent() && task instanceof Task.Program app) {
            jobTask = HydraJobs.trial(app, hydraCallback.get(), dir.path(), request.workingDir(),
                    Optional.of(new HydraJobs.SweepJob(sweepDir.path(), number)));
        }
        return new Job(number, jobTask, config, overrides, dir.path(), settings, inputs.settings().jobTimeout(), pruning);
    }
}
