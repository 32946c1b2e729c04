package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract for PostgreSQL, in a schema of this class's own (see {@link PostgresTestDatabase}). */
class PostgresStorageTest extends StorageContract {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = PostgresTestDatabase.createIfConfigured();
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Storage newStorage() {
        return PostgresTestDatabase.require(database).openEmpty();
    }
}
