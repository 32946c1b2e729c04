package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.OptimizerException;

/** A storage could not do what was asked: the database is unreachable, locked, corrupt, or refused a write. */
public class StorageException extends OptimizerException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
