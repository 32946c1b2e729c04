package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import org.h2.tools.Server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Describes an H2 TCP server for a study database that workers in several processes share.
 * Safe by default: it listens on loopback only, needs a password (the database's, and the one
 * that shuts the server down), and never lets clients create databases: the database is created
 * (and migrated) here before the server starts. Other hosts may connect only after
 * {@link #allowOthers()}.
 *
 * {@snippet :
 * try (H2Server server = H2Server.builder().directory(Path.of("osprey-studies")).port(9092)
 *         .password(secret).start()) {
 *     // workers: Storages.open(server.url(), properties with user and password)
 * }
 * }
 */
public final class H2ServerBuilder {

    /** The port H2 servers use unless told otherwise. */
    public static final int DEFAULT_PORT = 9092;

    private Path directory;
    private String database = "studies";
    private int port = DEFAULT_PORT;
    private String user = "osprey";
    private String password;
    private boolean allowOthers;

    H2ServerBuilder() {
    }

    /** The directory that holds the database file; clients cannot reach files outside it. */
    public H2ServerBuilder directory(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        return this;
    }

    /** The database's name: its file is {@code <directory>/<name>.mv.db} (default "studies"). */
    public H2ServerBuilder database(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("an H2 database name is 1 to 64 letters, digits, '_' or '-', but got '"
                    + name + "'");
        }
        this.database = name;
        return this;
    }

    /** The TCP port (default {@value #DEFAULT_PORT}); 0 picks a free one, see {@link H2Server#port()}. */
    public H2ServerBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a TCP port is between 0 and 65535, but got " + port);
        }
        this.port = port;
        return this;
    }

    /** The database user clients log in as (default "osprey"). */
    public H2ServerBuilder user(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the database user must not be empty");
        }
        this.user = user;
        return this;
    }

    /** The database user's password, also needed to shut the server down. Required. */
    public H2ServerBuilder password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * Lets clients on other hosts connect. H2 then also needs to listen beyond loopback: start the
     * JVM with {@code -Dh2.bindAddress=<this host's address>} (H2 reads it once per JVM).
     */
    public H2ServerBuilder allowOthers() {
        this.allowOthers = true;
        return this;
    }

    /** Creates the database if needed, brings its schema up to date and starts serving it. */
    public H2Server start() {
        if (directory == null) {
            throw new IllegalStateException("an H2 server needs the directory of its database: call directory(path)");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("an H2 server needs a password: without one any process that reaches"
                    + " its port could open the study database (and run Java code through it)");
        }
        checkBindAddress();
        createDatabase();
        List<String> args = new ArrayList<>(List.of("-tcpPort", String.valueOf(port), "-tcpPassword", password,
                "-baseDir", directory.toString()));
        if (allowOthers) {
            args.add("-tcpAllowOthers");
        }
        // never -ifNotExists: a client that may create databases may run code in this JVM
        Server server;
        try {
            server = Server.createTcpServer(args.toArray(String[]::new)).start();
        } catch (SQLException e) {
            throw new StorageException("cannot start the H2 server on port " + port + " for " + directory
                    + ": " + SqlErrors.describe(e) + (SqlErrors.state(e).equals("90061")
                    ? " (is another server using the port? pick another with port(...), or 0 for any free one)" : ""), e);
        }
        return new H2Server(server, directory.resolve(database + ".mv.db"),
                "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database, user, password);
    }

    private void checkBindAddress() {
        if (!allowOthers) {
            H2Settings.defaultBindAddress();
        }
        String bound = H2Settings.effectiveBindAddress();
        if (!allowOthers && !H2Settings.isLoopback(bound)) {
            throw new StorageException("H2 was loaded before Osprey could make its servers listen on loopback only"
                    + " (h2.bindAddress is " + (bound == null ? "unset: every interface" : bound) + "); start the JVM"
                    + " with -Dh2.bindAddress=127.0.0.1, or start the server before opening H2 databases");
        }
        if (allowOthers && H2Settings.isLoopback(bound)) {
            throw new StorageException("allowOthers() needs H2 to listen beyond loopback, but h2.bindAddress is "
                    + bound + " for this JVM; start it with -Dh2.bindAddress=<this host's address>");
        }
    }

    private void createDatabase() {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create the directory " + directory + " for the H2 server: " + e, e);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        String file = "jdbc:h2:file:" + directory.resolve(database);
        try (Storage created = JdbcStorages.openLocation(file, credentials, name -> null)) {
            created.studies(); // the database exists, with the current schema, before any client comes
        }
    }
}
