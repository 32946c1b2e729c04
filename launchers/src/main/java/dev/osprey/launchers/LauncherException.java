package dev.osprey.launchers;

/**
 * A launcher cannot start work at all: unknown launcher, invalid settings, a scheduler command that
 * is missing or unreachable, a job directory that cannot be written. Jobs that fail are
 * {@link JobResult}s, not this exception.
 *
 * @since 0.1
 */
public final class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
