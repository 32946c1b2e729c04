package dev.osprey.studydb;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The H2 databases Osprey opens never hand a query the result it computed before. H2 2.3 reuses
 * a query's previous result when its tables show no change since; a commit shows as a change only
 * after it has released its locks, so a transaction that got a lock in that moment could read the
 * rows as they were before the commit it waited for (a reaper saw stale trials under the study
 * lock that way, and failed them a second time). Osprey turns the reuse off.
 */
class H2ResultReuseTest {

    @TempDir
    Path directory;

    @Test
    void embeddedFileAndMemoryDatabasesRunEveryQuery() throws SQLException {
        for (String location : new String[] {directory.resolve("studies").toString(),
                "jdbc:h2:mem:reuse-" + UUID.randomUUID()}) {
            try (Database database = Database.open(JdbcLocation.parse(location, new Properties(), name -> null), true);
                 Connection connection = database.pool.getConnection()) {
                SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
                assertFalse(session.getDatabase().getOptimizeReuseResults(), location);
            }
        }
    }
}
