package dev.osprey.launchers.tsp;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherProvider;
import dev.osprey.launchers.LauncherSettings;

/**
 * {@code osprey/launcher=tsp}: queues jobs on task-spooler, a batch queue for one machine. Each
 * job runs as {@code sh osprey-job.sh JOBDIR PROGRAM ARGS...}, and its result is decided where it
 * ran and written to {@code result.json}, so a job's status survives the launcher.
 *
 * <p>Settings: {@code socket} (the queue's TS_SOCKET; default a private queue that the launcher
 * starts and stops, never the user's default queue), {@code slots} (jobs at once, {@code tsp -S};
 * default one per CPU for a private queue), {@code kill_grace_s} (seconds between SIGTERM and
 * SIGKILL when a job is stopped; default 5), {@code poll_interval_ms} (default 200),
 * {@code command} (the executable, default {@code tsp}), and the device pools' settings
 * ({@link dev.osprey.launchers.resources.LocalResources}).
 *
 * @since 0.1
 */
public final class TspLauncherProvider implements LauncherProvider {

    @Override
    public String name() {
        return "tsp";
    }

    @Override
    public String description() {
        return "queues each job on task-spooler (tsp), a private queue by default";
    }

    @Override
    public Launcher create(Config settings) {
        LauncherSettings s = new LauncherSettings(name(), settings);
        return dev.osprey.launchers.resources.LocalResources.around(new TspLauncher(TspOptions.from(s)), s);
    }
}
