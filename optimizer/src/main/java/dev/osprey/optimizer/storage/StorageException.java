package dev.osprey.optimizer.storage;

/** A storage could not do what was asked: the database is unreachable, locked, corrupt, or refused a write. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
