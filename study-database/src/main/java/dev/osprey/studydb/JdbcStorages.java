package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageProvider;

import java.util.Properties;
import java.util.function.Function;

/**
 * The study database's {@link StorageProvider}: opens H2 files, H2 servers and PostgreSQL for
 * {@link dev.osprey.optimizer.Storages}, which finds it through {@link java.util.ServiceLoader}.
 */
public final class JdbcStorages implements StorageProvider {

    /** Accepts every location that is not another scheme's URL: a file path, or a JDBC URL. */
    @Override
    public boolean accepts(String location) {
        return !location.contains("://") || location.startsWith("jdbc:");
    }

    @Override
    public Storage open(String location, Properties properties, Function<String, String> env) {
        return openLocation(location, properties, env);
    }

    @Override
    public Storage openExisting(String location, Properties properties, Function<String, String> env) {
        return new JdbcStorage(Database.open(JdbcLocation.parse(location, properties, env), false), RetryPolicy.DEFAULT,
                Thread::sleep);
    }

    @Override
    public String describe(String location) {
        return redact(location);
    }

    /**
     * Opens (and creates or migrates, as needed) the study database at {@code location}.
     *
     * @param env looks up environment variables ({@code OSPREY_STORAGE_USER}, {@code OSPREY_STORAGE_PASSWORD})
     */
    static Storage openLocation(String location, Properties properties, Function<String, String> env) {
        return open(JdbcLocation.parse(location, properties, env), RetryPolicy.DEFAULT);
    }

    static Storage open(JdbcLocation location, RetryPolicy retries) {
        return new JdbcStorage(Database.open(location, true), retries, Thread::sleep);
    }

    /** {@code location} with any password masked, for messages. */
    static String redact(String location) {
        return JdbcLocation.redact(location);
    }
}
