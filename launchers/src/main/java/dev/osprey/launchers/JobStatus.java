package dev.osprey.launchers;

/**
 * How a job ended.
 *
 * @since 0.1
 */
public enum JobStatus {
    /** Ran to the end and gave its objective value(s). */
    COMPLETED,
    /** Exited non-zero, threw, gave no usable number, or could not be started. */
    FAILED,
    /** Stopped early because its intermediate values said so. */
    PRUNED,
    /** Killed at its time limit. */
    TIMED_OUT,
    /** Cancelled before it finished (by the sweep, Ctrl-C, or the scheduler). */
    CANCELLED
}
