package dev.osprey.launchers.process;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherProvider;
import dev.osprey.launchers.LauncherSettings;

/**
 * {@code osprey/launcher=process}: local subprocesses. Settings: {@code slots} (jobs at once;
 * default: the number of CPUs), {@code kill_grace_s} (seconds between SIGTERM and SIGKILL when a
 * job is stopped; default 5), {@code python_workers} (run {@code python script.py} jobs in
 * interpreters kept from job to job, one per slot; default false), and the device pools'
 * settings ({@link dev.osprey.launchers.resources.LocalResources}).
 *
 * @since 0.1
 */
public final class ProcessLauncherProvider implements LauncherProvider {

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String description() {
        return "runs each job as a local subprocess, N at a time";
    }

    @Override
    public Launcher create(Config settings) {
        // the device pools in front: jobs wait for their GPUs and CPUs there, not in a slot
        return dev.osprey.launchers.resources.LocalResources.around(launcher(settings),
                new LauncherSettings("process", settings));
    }

    private static Launcher launcher(Config settings) {
        LauncherSettings s = new LauncherSettings("process", settings);
        return new ProcessLauncher(s.intValue("slots", Runtime.getRuntime().availableProcessors()),
                s.seconds("kill_grace_s", 5), s.booleanValue("python_workers", false));
    }
}
