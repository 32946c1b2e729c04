package dev.osprey.cli;

import dev.osprey.sweeper.multirun.Configs;
import dev.osprey.sweeper.multirun.RunRequest;
import dev.osprey.sweeper.multirun.SweepInputs;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.output.JobDirectory;
import dev.osprey.composer.output.OutputDirectories;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Pruning;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.ProgramOutcome;

import dev.osprey.sweeper.hydra.HydraJobs;

import java.time.Clock;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;

/**
 * {@code osprey run} without {@code -m}: composes one config, runs the job once in a fresh output
 * directory through the selected launcher, and streams its output while it runs.
 */
final class SingleRun {

    private final RunRequest request;
    private final Console console;
    private final Clock clock;

    public SingleRun(RunRequest request, Console console, Clock clock) {
        this.request = request;
        this.console = console;
        this.clock = clock;
    }

    /** Runs the job; the exit code is 0 when it completed, 1 otherwise. */
    public int run() {
        Composer composer = Configs.composer(request);
        for (ConfigOverride o : request.overrides()) {
            if (o.isSweep()) {
                throw new IllegalArgumentException("'" + o.input() + "' is a sweep, but this is a single run;"
                        + " add -m (--multirun) to sweep");
            }
        }
        SweepInputs inputs = SweepInputs.of(composer, request.configName(), request.overrides(), request.jobName(), clock,
                false);
        inputs.notes().forEach(note -> console.info("note: " + note));
        Task task = request.task();
        String launcherName = request.javaTask().isPresent() && inputs.settings().launcherName().equals("process")
                ? "in-process" : inputs.settings().launcherName();
        JobDirectory dir = OutputDirectories.under(request.workingDir(), clock).createRun(inputs.settings().runDirPattern());
        Composition composition = composer.composeParsed(request.configName(), inputs.fixed());
        Resolvers resolvers = Resolvers.standard(System::getenv, clock,
                Map.of("job.num", 0, "output_dir", dir.path().toString(), "runtime.output_dir", dir.path().toString()));
        Config config = SweepInputs.jobConfig(request, composition, resolvers, composer.repository(), dir.path().toString(),
                Optional.empty());
        if (request.hydraApp().isPresent() && task instanceof Task.Program app) {
            task = HydraJobs.trial(app, HydraJobs.installCallback(dir.path().resolve(".osprey/python")), dir.path(),
                    request.workingDir(), Optional.empty());
        }
        dir.writeMetadata(config, inputs.fixed(), inputs.settings().asConfig());
        Job job = new Job(0, task, config, inputs.fixed(), dir.path(),
                inputs.settings().launcherSettings(), inputs.settings().jobTimeout(), Pruning.NEVER);
        console.info("running in " + dir.path() + " with the " + launcherName + " launcher");
        try (Launcher launcher = Launchers.create(launcherName, inputs.settings().launcherSettings())) {
            JobHandle handle = launcher.submit(job);
            JobResult result = LogFollower.follow(handle, console);
            if (ProgramOutcome.endedWithoutObjective(result)) {
                // a single run need not report a value (Hydra's runs return none): it succeeded
                console.result("result: finished (exit code 0, no objective printed)");
                return 0;
            }
            console.result(result.isCompleted()
                    ? "result: completed, value " + (result.values().size() == 1 ? format(result.value()) : result.values())
                    : "result: " + result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + result.error());
            return result.isCompleted() ? 0 : 1;
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
