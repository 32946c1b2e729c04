package dev.osprey.studydb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.osprey.optimizer.storage.StorageException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open study database: a small HikariCP pool, the schema brought up to date by Flyway, and for
 * embedded H2 one extra connection held for the storage's life, so that the database stays open
 * (an in-memory one would vanish with its last connection) while the pool renews connections.
 */
final class Database implements AutoCloseable {

    /** The schema version this code reads and writes: the highest {@code V<n>} under db/migration. */
    static final int SCHEMA_VERSION = 3;
    static final int MAX_POOL_SIZE = 8;
    /**
     * How long one attempt waits for a connection (HikariCP's default is 30 s). With the retry
     * policy's {@link RetryPolicy#maxWait()} it bounds a call's wait on a database that is down.
     */
    static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(5);
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** How long opening an H2 file that another process has open waits for it to be served (or freed). */
    static final java.time.Duration HANDOVER = java.time.Duration.ofSeconds(10);
    private static final int FILE_IN_USE = 90020;
    private static final String FILE_IN_USE_STATE = "90020";
    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    final JdbcLocation location;
    final HikariDataSource pool;
    private final Connection anchor;
    private final Optional<StudyFileServer> server;

    private Database(JdbcLocation location, HikariDataSource pool, Connection anchor, Optional<StudyFileServer> server) {
        this.location = location;
        this.pool = pool;
        this.anchor = anchor;
        this.server = server;
    }

    /**
     * Opens the database and migrates it; an H2 file or memory database that does not exist is
     * created (with the file's folder) when {@code create} is true, and refused otherwise.
     */
    static Database open(JdbcLocation location, boolean create) {
        if (location.kind().isH2()) {
            H2Settings.defaultBindAddress();
        }
        if (location.file().isPresent()) {
            prepareFile(location.file().get(), create);
        }
        long deadline = System.nanoTime() + HANDOVER.toNanos();
        while (true) {
            try {
                return openOnce(location, create);
            } catch (FileInUse inUse) {
                // another process has the file open: it serves it, unless it is no Osprey process or
                // is just starting or closing (then the file is free, or served, a moment later)
                // a process that may create the database writes it; one that opens an existing one reads it
                Optional<JdbcLocation> served = StudyFileServer.servedLocation(location, !create);
                if (served.isPresent()) {
                    try {
                        return openServed(served.get(), create ? pool(served.get()) : readerPool(location, served.get()));
                    } catch (StorageException e) {
                        if (System.nanoTime() > deadline) {
                            throw e; // the serving process went away, and nobody took the file over
                        }
                    }
                } else if (System.nanoTime() > deadline) {
                    throw SqlErrors.cannotOpen(location.shown(), inUse.getCause());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw SqlErrors.cannotOpen(location.shown(), inUse.getCause());
                }
            }
        }
    }

    /**
     * Opens the location itself. A process that may create the database (a sweep, a worker) serves an
     * H2 file to the others; one that only reads an existing one ({@code osprey trials}, {@code watch})
     * does not, so that a sweep that starts while it reads waits for it only as long as it reads, not
     * until it has done and closed.
     */
    private static Database openOnce(JdbcLocation location, boolean serve) {
        probeExistingFile(location);
        Connection anchor = null;
        Optional<StudyFileServer> server = Optional.empty();
        if (location.kind().isEmbedded()) {
            try {
                anchor = DriverManager.getConnection(location.url(), location.driverProperties());
            } catch (SQLException e) {
                throw inUseOr(location, e);
            }
            // served at once, so that other processes wait for the migration below rather than for the file
            if (serve && location.kind() == JdbcLocation.Kind.H2_EMBEDDED && location.file().isPresent()) {
                server = StudyFileServer.start(location);
            }
        }
        HikariDataSource pool;
        try {
            pool = pool(location);
            migrate(location, pool);
        } catch (RuntimeException e) {
            server.ifPresent(StudyFileServer::close);
            closeQuietly(anchor);
            throw e;
        }
        return new Database(location, pool, anchor, server);
    }

    /**
     * Opens a file that another Osprey process serves; that process migrates it, so this one waits
     * (up to {@link #HANDOVER}) until the schema is current instead of migrating it a second time.
     */
    private static Database openServed(JdbcLocation served, HikariDataSource pool) {
        long deadline = System.nanoTime() + HANDOVER.toNanos();
        while (!isCurrent(pool)) {
            if (System.nanoTime() > deadline) {
                try {
                    migrate(served, pool); // explains what is wrong with the schema
                } catch (RuntimeException e) {
                    pool.close();
                    throw e;
                }
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.close();
                throw new StorageException("interrupted while waiting for the study database " + served.shown(), e);
            }
        }
        return new Database(served, pool, null, Optional.empty());
    }

    private static HikariDataSource pool(JdbcLocation location) {
        try {
            return new HikariDataSource(config(location));
        } catch (HikariPool.PoolInitializationException e) {
            throw SqlErrors.cannotOpen(location.shown(), e.getCause() != null ? e.getCause() : e);
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the study database " + location.shown() + ": "
                    + JdbcLocation.redact(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * The pool of a process that reads a file another one serves: its connections follow the file
     * when that process ends ({@link ReaderConnections}).
     */
    private static HikariDataSource readerPool(JdbcLocation file, JdbcLocation served) {
        HikariConfig config = settings();
        config.setDataSource(new ReaderConnections(file));
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw SqlErrors.cannotOpen(served.shown(), e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The error of an H2 file that another process has open, or the error that says why it cannot be opened. */
    private static RuntimeException inUseOr(JdbcLocation location, SQLException e) {
        if (e.getErrorCode() == FILE_IN_USE || FILE_IN_USE_STATE.equals(e.getSQLState())) {
            return new FileInUse(e);
        }
        return SqlErrors.cannotOpen(location.shown(), e);
    }

    /** An H2 file locked by another process; handled by {@link #open}, never seen outside. */
    private static final class FileInUse extends RuntimeException {
        FileInUse(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Checks an H2 file before H2 opens it, whose own errors (a stack trace printed by its trace
     * writer, a "non-writable channel") would not say what is wrong: a folder that cannot be made,
     * an empty file, or no file where one must exist.
     */
    private static void prepareFile(java.nio.file.Path file, boolean create) {
        if (Files.isRegularFile(file)) {
            try {
                if (Files.size(file) == 0) {
                    throw new StorageException(file + " is an empty file, not an H2 study database: remove it,"
                            + " or give another location");
                }
            } catch (java.io.IOException e) {
                throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
            }
            return;
        }
        if (Files.exists(file)) {
            throw new StorageException(file + " is not a file: give the path of a study database file");
        }
        if (!create) {
            throw new StorageException("there is no study database at " + file + " (nothing was created): check"
                    + " --storage or $OSPREY_STORAGE; a sweep (osprey run -m) or create-study makes one");
        }
        java.nio.file.Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException | SecurityException e) {
            throw new StorageException("cannot create the folder " + folder + " for the study database: "
                    + (e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName() + " " + e.getMessage()), e);
        }
    }

    /**
     * Opens an existing H2 file read-only first. H2 silently rolls a damaged file back to its last
     * sound state (even to an empty database) and writes that over it; read-only, it reports the
     * damage instead (as "read only", 90097), and the file is refused as it is.
     */
    private static void probeExistingFile(JdbcLocation location) {
        if (location.file().isEmpty() || !Files.isRegularFile(location.file().get())) {
            return;
        }
        try (Connection probe = DriverManager.getConnection(location.url() + ";ACCESS_MODE_DATA=r",
                location.driverProperties())) {
            probe.getMetaData();
        } catch (SQLException e) {
            throw inUseOr(location, e);
        }
    }

    private static HikariConfig config(JdbcLocation location) {
        HikariConfig config = settings();
        config.setDriverClassName(location.kind().driverClass());
        config.setJdbcUrl(location.url());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        if (location.kind() == JdbcLocation.Kind.POSTGRESQL) {
            config.addDataSourceProperty("ApplicationName", "osprey");
        }
        return config;
    }

    /** The pool's settings apart from where it connects. */
    private static HikariConfig settings() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("osprey-storage-" + POOLS.incrementAndGet());
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(CONNECTION_TIMEOUT.toMillis() / 2);
        return config;
    }

    /**
     * Applies the migrations the database lacks. Flyway may never clean (drop) anything, nor
     * adopt a database that holds tables of its own without Osprey's history table.
     */
    private static void migrate(JdbcLocation location, HikariDataSource pool) {
        if (isCurrent(pool)) {
            return; // the common case: starting Flyway costs a worker about half a second
        }
        MigrateResult result;
        try {
            result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true)
                    .baselineOnMigrate(false)
                    .loggers("slf4j") // quiet unless the application routes SLF4J somewhere; Osprey logs below
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String message = String.valueOf(e.getMessage());
            String hint = message.contains("no schema history table")
                    ? " (the database holds tables Osprey did not create: give Osprey a database, or schema, of its own)"
                    : "";
            throw new StorageException("cannot bring the study database " + location.shown() + " to schema version "
                    + SCHEMA_VERSION + ": " + JdbcLocation.redact(message) + hint, e);
        }
        if (result.migrationsExecuted > 0) {
            boolean created = result.initialSchemaVersion == null;
            LOG.log(created ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                    "study database {0}: schema {1} -> {2} ({3} migration(s))", location.shown(),
                    created ? "new" : result.initialSchemaVersion, result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        String found = result.initialSchemaVersion;
        if (found != null && MigrationVersion.fromVersion(found)
                .isNewerThan(MigrationVersion.fromVersion(String.valueOf(SCHEMA_VERSION)))) {
            throw new StorageException("the study database " + location.shown() + " has schema version " + found
                    + ", written by a newer Osprey; this one knows versions up to " + SCHEMA_VERSION
                    + ": use the newer Osprey");
        }
    }

    /**
     * Whether every migration up to {@link #SCHEMA_VERSION} is recorded as applied, read straight
     * from Flyway's history table; anything else (no table, a failed or newer migration) goes
     * through Flyway, which migrates or explains.
     */
    private static boolean isCurrent(HikariDataSource pool) {
        try (Connection c = pool.getConnection();
             var statement = c.createStatement();
             var rows = statement.executeQuery(
                     "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            java.util.Set<String> applied = new java.util.HashSet<>();
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
            for (int v = 1; v <= SCHEMA_VERSION; v++) {
                if (!applied.remove(Integer.toString(v))) {
                    return false;
                }
            }
            return applied.isEmpty();
        } catch (SQLException e) {
            return false; // no history table yet, or another layout: Flyway decides
        }
    }

    @Override
    public void close() {
        pool.close();
        server.ifPresent(s -> s.closeAfterClients(anchor));
        closeQuietly(anchor);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing after a failure: the first error is the one to report
            }
        }
    }
}
