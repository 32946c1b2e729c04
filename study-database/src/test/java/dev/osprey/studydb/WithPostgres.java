package dev.osprey.studydb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose PostgreSQL cases share one throwaway schema, made before its tests and
 * dropped after them; {@link #postgres} is null where no PostgreSQL is configured.
 */
abstract class WithPostgres {

    static PostgresTestDatabase postgres;

    @BeforeAll
    static void createSchema() {
        postgres = PostgresTestDatabase.createIfConfigured();
    }

    @AfterAll
    static void dropSchema() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
