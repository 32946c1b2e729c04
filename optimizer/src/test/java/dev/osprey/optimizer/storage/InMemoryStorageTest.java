package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.Storages;

/** The storage contract for the in-memory storage. */
class InMemoryStorageTest extends StorageContract {

    @Override
    protected Storage newStorage() {
        return Storages.inMemory();
    }
}
