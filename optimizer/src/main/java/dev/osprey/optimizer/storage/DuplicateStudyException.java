package dev.osprey.optimizer.storage;

/** A study with this name already exists in the storage (a usage error: the name is taken). */
public class DuplicateStudyException extends IllegalArgumentException {

    public DuplicateStudyException(String name) {
        super("a study named '" + name + "' already exists; load it instead, or ask for load-if-exists");
    }
}
