package dev.osprey.optimizer.storage.jdbc;

import dev.osprey.optimizer.storage.Storage;

import java.util.Properties;
import java.util.function.Function;

/**
 * Opens JDBC storages. Not for applications: {@link dev.osprey.optimizer.storage.Storages} is the
 * entry point, and delegates here.
 */
public final class JdbcStorages {

    private JdbcStorages() {
    }

    /**
     * Opens (and creates or migrates, as needed) the study database at {@code location}.
     *
     * @param env looks up environment variables ({@code OSPREY_STORAGE_USER}, {@code OSPREY_STORAGE_PASSWORD})
     */
    public static Storage open(String location, Properties properties, Function<String, String> env) {
        return open(JdbcLocation.parse(location, properties, env), RetryPolicy.DEFAULT);
    }

    static Storage open(JdbcLocation location, RetryPolicy retries) {
        return new JdbcStorage(Database.open(location), retries, Thread::sleep);
    }

    /** Starts describing an H2 TCP server. */
    /** {@code location} with any password masked, for messages. */
    public static String redact(String location) {
        return JdbcLocation.redact(location);
    }

    public static H2ServerBuilder h2Server() {
        return new H2ServerBuilder();
    }
}
