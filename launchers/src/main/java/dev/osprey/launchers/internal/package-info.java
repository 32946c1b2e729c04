/**
 * What the task-spooler and Slurm launchers share: the job wrapper script that decides a job's
 * result where it runs, one poller thread per launcher, and the rules that turn a job's files and
 * its scheduler's state into a {@link dev.osprey.launchers.JobResult}.
 *
 * <p>Not part of the API: an internal package, public only so that both launcher packages can use it;
 * nothing outside the launchers module may depend on it (the architecture test checks).
 */
package dev.osprey.launchers.internal;
