package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import org.h2.tools.Server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Describes an H2 TCP server for a study database that workers in several processes share.
 * Safe by default: it listens on loopback only, needs the workers' password, and never lets
 * clients create databases: the database is created (and migrated) here, by its admin, before the
 * server starts. Workers log in as {@link #user(String)}, who reads and writes the study tables
 * and nothing else; the admin's password stays in a file beside the database
 * ({@code H2ServerAccounts}). Other hosts may connect only after {@link #allowOthers()}, with a
 * strong password.
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
        Path absolute = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        String text = absolute.toString();
        if (text.indexOf(';') >= 0 || text.indexOf('\\') >= 0 || text.chars().anyMatch(Character::isISOControl)) {
            // H2 would read what follows a ';' in the file URL as settings
            throw new IllegalArgumentException("the server's directory '" + text.replaceAll("\\p{Cntrl}", "?")
                    + "' holds ';', a backslash or a control character, which H2 would misread; give a plain folder");
        }
        this.directory = absolute;
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

    /**
     * The database user clients log in as (default "osprey"): it reads and writes the study tables
     * and nothing else. Letters, digits and '_', starting with a letter; not the admin,
     * {@value H2ServerAccounts#ADMIN_USER}.
     */
    public H2ServerBuilder user(String user) {
        if (user == null || !user.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("a database user name is a letter and up to 63 letters, digits or '_',"
                    + " but got '" + user + "'");
        }
        if (H2ServerAccounts.userName(user).equals(H2ServerAccounts.ADMIN_USER)) {
            throw new IllegalArgumentException("the worker user must not be the server's admin, "
                    + H2ServerAccounts.ADMIN_USER + ": choose another name, such as osprey");
        }
        this.user = user;
        return this;
    }

    /**
     * The worker user's password, which every client needs; with {@link #allowOthers()} it must
     * follow {@link ServerPasswordRule}. Required.
     */
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

    /**
     * Creates the database if needed, brings its schema up to date as the admin, sets up the
     * worker user and starts serving it.
     */
    public H2Server start() {
        if (directory == null) {
            throw new IllegalStateException("an H2 server needs the directory of its database: call directory(path)");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("an H2 server needs a password: without one any process that reaches"
                    + " its port could open the study database");
        }
        if (allowOthers) {
            ServerPasswordRule.check(password);
        }
        checkBindAddress();
        createDirectory();
        boolean adminKnown = Files.exists(directory.resolve(database + H2ServerAccounts.ADMIN_PASSWORD_SUFFIX));
        String adminPassword = H2ServerAccounts.adminPassword(directory, database);
        Connection admin = openAsAdmin(adminPassword, adminKnown);
        // the admin's password also guards shutting the server down from outside
        List<String> args = new ArrayList<>(List.of("-tcpPort", String.valueOf(port), "-tcpPassword", adminPassword,
                "-baseDir", directory.toString()));
        if (allowOthers) {
            args.add("-tcpAllowOthers");
        }
        // never -ifNotExists: a client that may create databases may run code in this JVM
        Server server;
        try {
            server = Server.createTcpServer(args.toArray(String[]::new)).start();
        } catch (SQLException e) {
            closeQuietly(admin);
            throw new StorageException("cannot start the H2 server on port " + port + " for " + directory
                    + ": " + SqlErrors.describe(e) + (SqlErrors.state(e).equals("90061")
                    ? " (is another server using the port? pick another with port(...), or 0 for any free one)" : ""), e);
        }
        return new H2Server(server, admin, directory.resolve(database + ".mv.db"),
                "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database, user, password);
    }

    /**
     * Creates and migrates the database as the admin, sets up the worker, and returns the admin's
     * connection, which keeps the database open while the server runs: H2's reuse of query
     * results, which only an admin may turn off, stays off for every client of the database.
     */
    private Connection openAsAdmin(String adminPassword, boolean adminKnown) {
        String file = "jdbc:h2:file:" + directory.resolve(database);
        if (!adminKnown && Files.exists(directory.resolve(database + ".mv.db"))) {
            try {
                H2ServerAccounts.adopt(file + ";" + JdbcLocation.H2_NO_RESULT_REUSE + "=FALSE", user, password,
                        adminPassword);
            } catch (StorageException e) {
                H2ServerAccounts.forgetAdminPassword(directory, database); // the next start tries again
                throw e;
            }
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", H2ServerAccounts.ADMIN_USER);
        credentials.setProperty("password", adminPassword);
        try (Storage created = JdbcStorages.openLocation(file, credentials, name -> null)) {
            created.studies(); // the database exists, with the current schema, before any client comes
        }
        Connection admin = null;
        try {
            admin = DriverManager.getConnection(file + ";" + JdbcLocation.H2_NO_RESULT_REUSE + "=FALSE;DB_CLOSE_ON_EXIT=FALSE;"
                    + JdbcLocation.H2_WRITE_AT_COMMIT,
                    credentials);
            admin.setAutoCommit(false);
            H2ServerAccounts.setUpWorker(admin, user, password);
            return admin;
        } catch (SQLException e) {
            closeQuietly(admin);
            throw new StorageException("cannot set up the worker user '" + user + "' of " + file.substring(
                    "jdbc:h2:file:".length()) + ".mv.db: " + SqlErrors.describe(e), e);
        }
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create the directory " + directory + " for the H2 server: " + e, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing: the first error is the one to report
            }
        }
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
}
