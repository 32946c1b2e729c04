package dev.osprey.optimizer.storage;

import java.util.Properties;
import java.util.function.Function;

/**
 * Opens storages that outlive the process, by location. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.osprey.optimizer.storage.StorageProvider}); the study database
 * ({@code osprey-study-database}) provides one for H2 files, H2 servers and PostgreSQL.
 */
public interface StorageProvider {

    /** Whether this provider opens {@code location} (a file path or a URL). */
    boolean accepts(String location);

    /**
     * Opens, creating when needed, the storage at {@code location}.
     *
     * @param properties driver properties ({@code user} and {@code password} among them)
     * @param env        looks up environment variables (credentials not given otherwise)
     */
    Storage open(String location, Properties properties, Function<String, String> env);

    /**
     * Opens the storage at {@code location} only if it exists, creating nothing (no file, no folder):
     * for commands that only read. By default the same as {@link #open}, for storages that never
     * create anything on opening.
     *
     * @throws StorageException if there is no storage at {@code location}
     */
    default Storage openExisting(String location, Properties properties, Function<String, String> env) {
        return open(location, properties, env);
    }

    /** The location as it may be shown to people: any password in it is masked. */
    String describe(String location);
}
