package dev.osprey.optimizer.storage;

/** Factories for the storages that come with Osprey. */
public final class Storages {

    private Storages() {
    }

    /** A new, empty storage in this process's memory, shared by its threads and gone when it exits. */
    public static Storage inMemory() {
        return new InMemoryStorage();
    }
}
