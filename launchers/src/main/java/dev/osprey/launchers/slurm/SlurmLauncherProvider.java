package dev.osprey.launchers.slurm;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherProvider;
import dev.osprey.launchers.LauncherSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code osprey/launcher=slurm}: submits each job to Slurm with {@code sbatch}. Each job runs as
 * {@code osprey-job.sh JOBDIR PROGRAM ARGS...}, which decides its result on the compute node and
 * writes {@code result.json} there, so the job directory must be on a file system the nodes share.
 *
 * <p>Resource settings, which a job's own settings override (so a sweep can vary them):
 * {@code partition}, {@code time} (minutes, or a Slurm time such as {@code 1:30:00}),
 * {@code cpus_per_task}, {@code mem} (e.g. {@code 4G}), {@code gpus}, {@code extra_args} (a list of
 * further sbatch options). A value Slurm refuses fails that job, not the sweep.
 *
 * <p>Launcher settings: {@code poll_interval_ms} (time between two {@code squeue} calls; default
 * 1000, the controller's own scheduling tick), {@code kill_grace_s} (seconds from SIGTERM to SIGKILL when
 * a job is stopped; default 5), {@code bin_dir} (where Slurm's commands are, if not on PATH),
 * {@code slurm_conf} (the cluster's slurm.conf, if not the default or SLURM_CONF), {@code arrays} (whether a
 * batch known in advance goes to Slurm as job arrays; default true), {@code max_array_size} (at most this
 * many tasks per array; default the cluster's {@code MaxArraySize}).
 *
 * @since 0.1
 */
public final class SlurmLauncherProvider implements LauncherProvider {

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public String description() {
        return "submits each job to Slurm with sbatch; resources per job";
    }

    @Override
    public Launcher create(Config settings) {
        LauncherSettings s = new LauncherSettings(name(), settings);
        int poll = s.intValue("poll_interval_ms", 1000);
        if (poll < 1) {
            throw new dev.osprey.launchers.LauncherException("slurm launcher: osprey.launcher.poll_interval_ms must"
                    + " be at least 1, got " + poll);
        }
        int maxArraySize = s.intValue("max_array_size", Integer.MAX_VALUE);
        if (maxArraySize < 1) {
            throw new dev.osprey.launchers.LauncherException("slurm launcher: osprey.launcher.max_array_size must be at"
                    + " least 1, got " + maxArraySize);
        }
        SlurmCommands commands = new SlurmCommands(
                s.string("bin_dir").filter(v -> !v.isBlank()).map(Path::of),
                s.string("slurm_conf").filter(v -> !v.isBlank()).map(Path::of));
        return new SlurmLauncher(commands, settings, Duration.ofMillis(poll), s.seconds("kill_grace_s", 5),
                s.booleanValue("arrays", true), maxArraySize);
    }
}
