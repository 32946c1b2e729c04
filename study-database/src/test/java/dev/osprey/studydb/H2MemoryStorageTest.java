package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageContract;

import java.util.Properties;
import java.util.UUID;

/** The storage contract for an H2 database in memory, a new one per test. */
class H2MemoryStorageTest extends StorageContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorages.openLocation("jdbc:h2:mem:osprey-" + UUID.randomUUID(), new Properties(), name -> null);
    }
}
