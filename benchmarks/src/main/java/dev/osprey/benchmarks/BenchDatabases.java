package dev.osprey.benchmarks;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import dev.osprey.studydb.H2Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The study databases the storage suite measures on: a fresh H2 file (in a new temporary
 * directory) or a fresh PostgreSQL schema per study, each removed afterwards.
 */
final class BenchDatabases {

    /** The environment variables that name the PostgreSQL database ({@code scripts/pg-throwaway.sh} writes them). */
    static final String PG_URL_ENV = "OSPREY_TEST_PG_URL";
    static final String PG_USER_ENV = "OSPREY_TEST_PG_USER";
    static final String PG_PASSWORD_ENV = "OSPREY_TEST_PG_PASSWORD";

    private BenchDatabases() {
    }

    /** A fresh database: where it is, the environment a worker process needs to open it, and its storage. */
    interface Fresh extends AutoCloseable {

        String location();

        Map<String, String> workerEnv();

        Storage storage();

        /** Closes the storage and removes the database. */
        @Override
        void close();
    }

    /** A PostgreSQL database in which the suite makes (and drops) schemas of its own. */
    record Postgres(String url, String user, String password) {

        static Optional<Postgres> fromEnvironment(Function<String, String> env) {
            String url = env.apply(PG_URL_ENV);
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Postgres(url.strip(), env.apply(PG_USER_ENV), env.apply(PG_PASSWORD_ENV)));
        }

        String schemaUrl(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        Properties credentials() {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            return p;
        }

        /** The server's version, or why it could not be read. */
        String version() {
            try (Connection c = DriverManager.getConnection(url, credentials()); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SHOW server_version")) {
                return r.next() ? "PostgreSQL " + r.getString(1) : "PostgreSQL (version unknown)";
            } catch (SQLException e) {
                return "PostgreSQL (not reachable: " + e.getMessage() + ")";
            }
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(url, credentials()); Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = '20s'");
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "Postgres[" + url + " as " + user + "]";
        }
    }

    /** An H2 TCP server (loopback, a random password, a free port) serving a database in a temporary directory. */
    record H2(H2Server server, Path dir, String password) implements AutoCloseable {

        static H2 start() {
            Path dir;
            try {
                dir = Files.createTempDirectory("osprey-bench-h2server-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String password = HexFormat.of().formatHex(randomBytes(16));
            return new H2(H2Server.builder().directory(dir).port(0).password(password).start(), dir, password);
        }

        /** A client of the server; studies made through it are left to the server's database. */
        Fresh client() {
            return fresh(server.url(), Map.of(Storages.USER_ENV, server.user(), Storages.PASSWORD_ENV, password),
                    server.connect(), () -> { });
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A new H2 file database in a new temporary directory. */
    static Fresh h2File() {
        Path dir;
        try {
            dir = Files.createTempDirectory("osprey-bench-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String location = dir.resolve("studies").toString();
        Storage storage = Storages.open(location);
        return fresh(location, Map.of(), storage, () -> deleteTree(dir));
    }

    /** A new schema in the PostgreSQL database, dropped (with everything in it) on close. */
    static Fresh postgres(Postgres pg) {
        String schema = "bench_osprey_" + ProcessHandle.current().pid() + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        pg.execute("CREATE SCHEMA " + schema);
        String location = pg.schemaUrl(schema);
        Storage storage;
        try {
            storage = Storages.open(location, pg.credentials());
        } catch (RuntimeException e) {
            pg.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            throw e;
        }
        Map<String, String> env = Map.of(Storages.USER_ENV, String.valueOf(pg.user()),
                Storages.PASSWORD_ENV, String.valueOf(pg.password()));
        return fresh(location, env, storage, () -> pg.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    private static Fresh fresh(String location, Map<String, String> env, Storage storage, Runnable remove) {
        return new Fresh() {
            @Override
            public String location() {
                return location;
            }

            @Override
            public Map<String, String> workerEnv() {
                return env;
            }

            @Override
            public Storage storage() {
                return storage;
            }

            @Override
            public void close() {
                try {
                    storage.close();
                } finally {
                    remove.run();
                }
            }
        };
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Milliseconds per fsync of a 4 KB write in a temporary file: {@code count} samples. */
    static double[] fsyncMs(int count) {
        double[] ms = new double[count];
        Path file = null;
        try {
            file = Files.createTempFile("osprey-bench-fsync", ".bin");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocate(4096);
                for (int i = 0; i < count; i++) {
                    block.clear();
                    ch.write(block, (long) i * 4096);
                    long t0 = System.nanoTime();
                    ch.force(true);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
