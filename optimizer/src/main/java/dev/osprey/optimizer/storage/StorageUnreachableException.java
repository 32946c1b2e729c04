package dev.osprey.optimizer.storage;

/**
 * The storage could not reach its database within its own bound on a call's wait: the server is
 * down, restarting, or cut off. Unlike other storage errors, the same call may well succeed later,
 * so a caller that can wait (a sweep) tries again; nothing of the call was done, or its effect is
 * unknown.
 *
 * @since 0.1
 */
public class StorageUnreachableException extends StorageException {

    public StorageUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
