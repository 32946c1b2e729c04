package dev.osprey.studydb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose PostgreSQL cases share one throwaway schema, made before its tests and
 * dropped after them; {@link #postgres} is null where no PostgreSQL is configured. Public in the
 * test-jar, for the other modules' tests that need the study database on PostgreSQL.
 */
public abstract class WithPostgres {

    protected static PostgresTestDatabase postgres;

    @BeforeAll
    protected static void createSchema() {
        postgres = PostgresTestDatabase.createIfConfigured();
    }

    @AfterAll
    protected static void dropSchema() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
