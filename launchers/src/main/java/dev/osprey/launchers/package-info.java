/**
 * The launcher SPI. A {@link Launcher} runs {@link Job}s somewhere (in this JVM, as local processes, on
 * task-spooler, on Slurm) and delivers exactly one {@link JobResult} per job through its
 * {@link JobHandle}, whether the job completed, failed, timed out, was pruned or was cancelled;
 * {@link Launchers#create} finds a launcher by name through the {@link LauncherProvider}s registered
 * with {@link java.util.ServiceLoader}. A job's {@link Task} is an external {@link Task.Program} or an
 * in-JVM {@link Task.JavaTask}, and its intermediate values go to its {@link Pruning}, which says
 * whether to stop it early. A launcher whose scheduler takes many jobs better at once than one by one
 * (Slurm's job arrays) offers a {@link BatchSubmission} through {@link Launcher#batches()}. The package depends only on the composer's
 * {@link dev.osprey.composer.config.Config} (a job carries its composed config, and a launcher reads its
 * settings through {@link LauncherSettings}) and knows nothing of studies, trials, samplers or pruners:
 * the sweep driver in the sweeper module turns trials into jobs and backs {@link Pruning} with the
 * study's pruner. Each built-in launcher has a subpackage of its own, and
 * {@link dev.osprey.launchers.protocol} holds what external programs and the launchers that run them
 * agree on.
 */
package dev.osprey.launchers;
