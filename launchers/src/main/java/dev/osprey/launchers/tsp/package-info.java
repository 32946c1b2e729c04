/**
 * The task-spooler launcher, {@code osprey/launcher=tsp} (also registered as {@code task-spooler}):
 * queues each job on a task-spooler queue, a batch queue for one machine, as
 * {@code sh osprey-job.sh JOBDIR PROGRAM ARGS...}, so that the job decides its result where it runs and
 * writes it to {@code result.json}, which outlives the launcher (and lets {@code osprey collect} read a
 * detached sweep). By default the queue is private, a tsp server of its own on a socket in a fresh
 * temporary directory, which closing the launcher stops, so a sweep neither waits behind nor disturbs
 * the user's own tsp jobs. {@link TspLauncherProvider} and {@link TaskSpoolerLauncherProvider} are the
 * public entries; the package-private {@code TspQueue} drives the {@code tsp} command, and the wrapper
 * script, the poller and the result rules are shared with the Slurm launcher through
 * {@link dev.osprey.launchers.internal}.
 */
package dev.osprey.launchers.tsp;
