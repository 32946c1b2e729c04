package dev.osprey.optimizer;

import dev.osprey.optimizer.storage.StorageException;
import dev.osprey.optimizer.storage.InMemoryStorage;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageProvider;


import java.util.Map;
import java.util.Properties;

/**
 * Factories for the storages that come with Osprey: in memory, and the study database in an
 * embedded H2 file (the default), on an H2 server or in PostgreSQL.
 *
 * <p>A study database is given by a <em>location</em>: a file path (an H2 database file, created
 * if missing; {@code .mv.db} may be left off) or a JDBC URL ({@code jdbc:h2:...},
 * {@code jdbc:postgresql://host:port/db}). Credentials come from the URL
 * ({@code ;USER=...;PASSWORD=...} for H2, {@code ?user=...&password=...} for PostgreSQL), else
 * from the properties {@code user} and {@code password}, else from the environment variables
 * {@value #USER_ENV} and {@value #PASSWORD_ENV}. Messages show the URL without its password.
 *
 * {@snippet :
 * Storage local = Storages.open("runs/studies");                                   // H2 file
 * Storage shared = Storages.open("jdbc:postgresql://db:5432/hpo", credentials);    // PostgreSQL
 * Storage configured = Storages.fromEnvironment();                                 // OSPREY_STORAGE
 * }
 *
 * <p>The study database is its own artifact, {@code dev.osprey:osprey-study-database}: a location
 * opens only when it is on the class path (it registers a {@link StorageProvider}). An embedded H2
 * file serves one process at a time. For workers in several processes, start an H2 server
 * ({@code dev.osprey.studydb.H2Server}) or use PostgreSQL, and give every worker the JDBC URL.
 */
public final class Storages {

    /** The location used when {@value #LOCATION_ENV} is not set: an H2 file under the working directory. */
    public static final String DEFAULT_LOCATION = "./osprey-studies/studies";
    /** The environment variable that names the default study database. */
    public static final String LOCATION_ENV = "OSPREY_STORAGE";
    /** The environment variable that holds the database user, when neither URL nor properties do. */
    public static final String USER_ENV = "OSPREY_STORAGE_USER";
    /** The environment variable that holds the database password, when neither URL nor properties do. */
    public static final String PASSWORD_ENV = "OSPREY_STORAGE_PASSWORD";

    private Storages() {
    }

    /** The location as it may be shown to people and in logs: any password in it is masked. */
    public static String describe(String location) {
        return provider(location).map(p -> p.describe(location)).orElse(location);
    }

    /** A new, empty storage in this process's memory, shared by its threads and gone when it exits. */
    public static Storage inMemory() {
        return new InMemoryStorage();
    }

    /** Opens the study database at {@code location} (a file path or a JDBC URL); see the class comment. */
    public static Storage open(String location) {
        return open(location, new Properties());
    }

    /** Opens the study database at {@code location} with driver properties, {@code user} and {@code password} among them. */
    public static Storage open(String location, Properties properties) {
        return open(location, properties, System::getenv);
    }

    /**
     * Opens the study database at {@code location} only if it exists, creating nothing: for commands
     * that only read a study database.
     *
     * @throws StorageException if there is none there
     */
    public static Storage openExisting(String location) {
        return provider(location).orElseThrow(() -> noProvider(location))
                .openExisting(location, new Properties(), System::getenv);
    }

    /** Opens the study database named by {@value #LOCATION_ENV}, or else {@value #DEFAULT_LOCATION}. */
    public static Storage fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Like {@link #fromEnvironment()}, reading the variables from {@code env} instead of the process environment. */
    public static Storage fromEnvironment(Map<String, String> env) {
        return open(defaultLocation(env), new Properties(), env::get);
    }

    /** The location {@link #fromEnvironment(Map)} opens. */
    public static String defaultLocation(Map<String, String> env) {
        String location = env.get(LOCATION_ENV);
        return location == null || location.isBlank() ? DEFAULT_LOCATION : location.strip();
    }

    private static Storage open(String location, Properties properties, java.util.function.Function<String, String> env) {
        return provider(location).orElseThrow(() -> noProvider(location)).open(location, properties, env);
    }

    private static StorageException noProvider(String location) {
        return new StorageException("no study database can open '" + location + "': add the artifact"
                + " dev.osprey:osprey-study-database to the class path (it opens H2 files, H2 servers and"
                + " PostgreSQL), or keep the study in memory with Storages.inMemory()");
    }

    private static java.util.Optional<StorageProvider> provider(String location) {
        for (StorageProvider provider : java.util.ServiceLoader.load(StorageProvider.class)) {
            if (provider.accepts(location)) {
                return java.util.Optional.of(provider);
            }
        }
        return java.util.Optional.empty();
    }
}
