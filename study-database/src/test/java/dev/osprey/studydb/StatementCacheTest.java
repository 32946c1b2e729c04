package dev.osprey.studydb;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Statements prepared through the cache are prepared once per connection and SQL, and closing one keeps it. */
class StatementCacheTest {

    @Test
    void aStatementIsPreparedOncePerConnectionAndSqlAndClosingOnlyClearsIt() throws SQLException {
        JdbcLocation location = JdbcLocation.parse("jdbc:h2:mem:statements-" + UUID.randomUUID(), new Properties(),
                name -> null);
        StatementCache cache = new StatementCache();
        try (Database database = Database.open(location, true)) {
            PreparedStatement first;
            try (Connection pooled = database.pool.getConnection()) {
                Connection connection = cache.wrap(pooled);
                try (PreparedStatement select = connection.prepareStatement("SELECT CAST(? AS INTEGER) + 1")) {
                    select.setInt(1, 41);
                    assertEquals(42, single(select));
                    first = select.unwrap(PreparedStatement.class);
                }
                assertFalse(first.isClosed(), "closed for the caller, kept for the next one");
                try (PreparedStatement again = connection.prepareStatement("SELECT CAST(? AS INTEGER) + 1")) {
                    assertSame(first, again.unwrap(PreparedStatement.class));
                    assertThrows(SQLException.class, again::executeQuery, "its parameters were cleared");
                    again.setInt(1, 1);
                    assertEquals(2, single(again));
                }
                try (PreparedStatement other = connection.prepareStatement("SELECT 7")) {
                    assertNotSame(first, other.unwrap(PreparedStatement.class));
                }
                database.pool.evictConnection(pooled); // retired: closed once it is back
            }
            try (Connection pooled = database.pool.getConnection();
                 PreparedStatement fresh = cache.wrap(pooled).prepareStatement("SELECT CAST(? AS INTEGER) + 1")) {
                assertNotSame(first, fresh.unwrap(PreparedStatement.class), "a new connection prepares anew");
                fresh.setInt(1, 2);
                assertEquals(3, single(fresh));
            }
        }
    }

    private static int single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
