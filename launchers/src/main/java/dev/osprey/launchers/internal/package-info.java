/**
 * The plumbing the task-spooler and Slurm launchers share, so that a queued job's result is decided the
 * same way on both. It holds the job wrapper script {@code osprey-job.sh} ({@link JobWrapper}), which
 * decides a job's result where it runs by the rules of
 * {@link dev.osprey.launchers.protocol.ProgramOutcome}; one {@link JobPoller} thread per launcher, which
 * asks the {@link Scheduler} for the {@link QueueState}s of all live jobs at once; {@link RemoteJob}, a
 * queued job that follows its {@code stdout.log} for intermediate values, enforces its time limit and
 * turns its files and its scheduler's state into a {@link dev.osprey.launchers.JobResult}; and
 * {@link Commands}, which runs the schedulers' commands with a time limit.
 *
 * <p>Not part of the API: an internal package, public only so that the {@code tsp} and {@code slurm}
 * packages can use it; nothing outside the launchers module may depend on it (the architecture test
 * checks).
 */
package dev.osprey.launchers.internal;
