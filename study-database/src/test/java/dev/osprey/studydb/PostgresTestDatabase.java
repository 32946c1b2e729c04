package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for one test class, in the database named by
 * {@code OSPREY_TEST_PG_URL}, {@code OSPREY_TEST_PG_USER} and {@code OSPREY_TEST_PG_PASSWORD}
 * (scripts/pg-throwaway.sh starts a server and writes them). Without them the tests are skipped,
 * except on CI ({@code CI=true}), where a missing PostgreSQL is a failure. Public, in this
 * module's test-jar, for the tests of other modules that need a study database server.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    static final String URL_ENV = "OSPREY_TEST_PG_URL";
    static final String USER_ENV = "OSPREY_TEST_PG_USER";
    static final String PASSWORD_ENV = "OSPREY_TEST_PG_PASSWORD";

    private final String baseUrl;
    private final Properties credentials = new Properties();
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String user, String password, String schema) {
        this.baseUrl = baseUrl;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        this.schema = schema;
    }

    static final String MISSING = URL_ENV + " is not set, so the PostgreSQL storage tests do not run; start a"
            + " server with scripts/pg-throwaway.sh start and source the env file it writes";

    /**
     * A fresh schema, or null when no PostgreSQL is configured (then each test calls
     * {@link #require}, which skips it); on CI ({@code CI=true}) a missing PostgreSQL fails instead.
     */
    public static PostgresTestDatabase createIfConfigured() {
        return create(System.getenv());
    }

    static PostgresTestDatabase create(Map<String, String> env) {
        String url = env.get(URL_ENV);
        if (url == null || url.isBlank()) {
            if ("true".equals(env.get("CI"))) {
                Assertions.fail("CI=true needs PostgreSQL: " + MISSING);
            }
            System.err.println("SKIPPED: " + MISSING);
            return null;
        }
        String schema = "osprey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresTestDatabase database = new PostgresTestDatabase(url, env.getOrDefault(USER_ENV, ""),
                env.getOrDefault(PASSWORD_ENV, ""), schema);
        database.execute("CREATE SCHEMA " + schema);
        return database;
    }

    /** Skips the calling test, with the reason, when there is no PostgreSQL. */
    public static PostgresTestDatabase require(PostgresTestDatabase database) {
        Assumptions.assumeTrue(database != null, MISSING);
        return database;
    }

    /** The URL of this class's schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public Properties credentials() {
        Properties copy = new Properties();
        copy.putAll(credentials);
        return copy;
    }

    /** A storage on this schema. */
    Storage open() {
        return JdbcStorages.openLocation(url(), credentials(), name -> null);
    }

    /** A storage on this schema with no studies in it. */
    Storage openEmpty() {
        Storage storage = open();
        for (StudyInfo study : storage.studies()) {
            storage.deleteStudy(study.id());
        }
        return storage;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl, credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + baseUrl + ": " + e.getMessage(), e);
        }
    }
}
