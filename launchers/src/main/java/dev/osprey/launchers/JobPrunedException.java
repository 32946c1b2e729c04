package dev.osprey.launchers;

/**
 * Thrown by a {@link Task.JavaTask} to stop its job early as pruned (after {@link JobContext#report}
 * said so, for example); the job ends with {@link JobStatus#PRUNED} and the exception's message.
 *
 * @since 0.1
 */
public final class JobPrunedException extends RuntimeException {

    public JobPrunedException(String message) {
        super(message);
    }
}
