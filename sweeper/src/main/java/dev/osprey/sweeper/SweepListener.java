package dev.osprey.sweeper;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.optimizer.trial.TrialRecord;

/**
 * Callbacks of a sweep, all run on the sweep's own thread. {@link #sweepEnded} always runs, also
 * after failures and interruption.
 *
 * @since 0.1
 */
public interface SweepListener {

    default void sweepStarted(Sweeper sweep) {
    }

    /** A job was handed to the launcher; its id and logs are known. */
    default void jobStarted(Job job, JobHandle handle) {
    }

    /**
     * A sweep took over the trial of a driver that died on this machine, and follows its job.
     *
     * @param driver the dead driver, as {@code pid PID on HOST}
     */
    default void jobAdopted(TrialRecord trial, String driver, JobHandle handle) {
    }

    /**
     * A sweep found the trial of a driver that died on this machine whose job a scheduler may still
     * run: the trial is detached, and its result waits in its job directory for {@code osprey collect}.
     */
    default void jobLeftToCollect(TrialRecord trial, String driver) {
    }

    /**
     * A job ended and its trial was told. {@code job} is null for a job this sweep did not make:
     * one it could not make, or one it took over from a driver that died.
     */
    default void jobEnded(Job job, JobResult result, TrialRecord trial) {
    }

    /**
     * A job's scheduler preempted it and Osprey could not follow it to a restart: its trial failed
     * with the reason {@code preempted}, and {@code retry} is the trial enqueued to run its parameters
     * once more; empty when the trial was a retry already (a point is retried once).
     *
     * @since 0.3
     */
    default void jobPreempted(TrialRecord trial, java.util.Optional<TrialRecord> retry) {
    }

    /**
     * The study database could not be reached: the sweep keeps its {@code runningJobs} running and
     * tries again for up to {@code budget} (counted from now) before it stops.
     *
     * @param reason the storage's error, which names the database (never its password)
     */
    default void storageUnreachable(String reason, java.time.Duration budget, int runningJobs) {
    }

    /** The study database answers again after {@code outage}; the sweep goes on. */
    default void storageReachable(java.time.Duration outage) {
    }

    default void sweepEnded(SweepSummary summary) {
    }
}
