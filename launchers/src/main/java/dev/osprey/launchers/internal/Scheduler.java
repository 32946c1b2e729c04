package dev.osprey.launchers.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * The few scheduler operations a {@link JobPoller} needs, so that task-spooler and Slurm share one
 * poller and one way of turning a job's files and state into its result.
 *
 * <p>Not part of the API: shared by the task-spooler and Slurm launchers.
 */
public interface Scheduler {

    /** The scheduler's name for messages, e.g. {@code task-spooler}. */
    String name();

    /**
     * The states of the given jobs, queried together where the scheduler allows it. A job the
     * scheduler does not know is left out of the map.
     *
     * @throws IOException when the scheduler cannot be asked (its command failed or hung)
     */
    Map<String, QueueState> states(Collection<String> ids) throws IOException;

    /** Asks a job to stop: removes it if queued, sends SIGTERM if running. */
    void stop(String id) throws IOException;

    /** Kills what is left of a job that {@link #stop} did not end (SIGKILL). */
    void kill(String id) throws IOException;

    /** Drops what the scheduler kept about a job that has ended. */
    default void forget(String id) {
    }

    /** Whether a job that seems to have failed may yet run again as the same job (Slurm's requeue). */
    default boolean requeuesJobs() {
        return false;
    }
}
