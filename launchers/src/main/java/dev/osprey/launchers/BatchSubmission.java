package dev.osprey.launchers;

import java.util.List;

/**
 * A launcher's way of taking many jobs known in advance at once (a grid, a detached sweep), where
 * its scheduler does that better than one submission per job: Slurm runs them as a job array. A
 * launcher offers it through {@link Launcher#batches()}; a sweep that knows its whole batch uses
 * it, and any other sweep (a Bayesian one, whose next job depends on the last result) submits one
 * job at a time.
 *
 * <p>The contract is {@link Launcher#submit}'s, once per job: one handle per job, in the order
 * given, each ending in exactly one {@link JobResult}; cancelling one handle stops that job alone.
 *
 * @since 0.3
 */
@FunctionalInterface
public interface BatchSubmission {

    /**
     * Hands the jobs over and returns without waiting for them.
     *
     * @param jobs        the jobs, with distinct numbers and directories
     * @param parallelism how many of them may run at once, at least 1 (Slurm's {@code --array=...%N})
     * @return a handle per job, in the order of {@code jobs}
     * @throws IllegalArgumentException when {@code parallelism} is below 1
     * @throws LauncherException        as {@link Launcher#submit} does, when the jobs cannot even be handed over
     */
    List<JobHandle> submitAll(List<Job> jobs, int parallelism);
}
