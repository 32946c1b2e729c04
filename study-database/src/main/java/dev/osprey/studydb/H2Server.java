package dev.osprey.studydb;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import org.h2.tools.Server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A running H2 TCP server for a study database, made by {@link H2ServerBuilder#start()}. Closing
 * it stops the server and closes the database.
 */
public final class H2Server implements AutoCloseable {

    private final Server server;
    private final Connection admin;
    private final Path databaseFile;
    private final String url;
    private final String user;
    private final String password;

    H2Server(Server server, Connection admin, Path databaseFile, String url, String user, String password) {
        this.server = server;
        this.admin = admin;
        this.databaseFile = databaseFile;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts describing an H2 TCP server for a study database shared by several processes: loopback
     * only and password protected unless told otherwise.
     */
    public static H2ServerBuilder builder() {
        return new H2ServerBuilder();
    }

    /** The JDBC URL clients on this host open, for example with {@code Storages.open(url, properties)}. */
    public String url() {
        return url;
    }

    /** The port the server listens on (the one chosen, when the builder asked for any free port). */
    public int port() {
        return server.getPort();
    }

    /**
     * The database user clients log in as: it reads and writes the study tables and nothing else
     * (no tables made or dropped, no Java functions, no files); the server's admin is another user.
     */
    public String user() {
        return user;
    }

    /** The database file the server serves. */
    public Path databaseFile() {
        return databaseFile;
    }

    /** Whether the server still accepts connections. */
    public boolean isRunning() {
        return server.isRunning(false);
    }

    /** Opens a storage on the server as a client, with the server's user and password. */
    public Storage connect() {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return JdbcStorages.openLocation(url, credentials, name -> null);
    }

    /** Stops the server and closes the database; clients still connected lose their connections. */
    @Override
    public void close() {
        server.stop();
        try {
            admin.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close the H2 database " + databaseFile + ": " + SqlErrors.describe(e), e);
        }
    }

    @Override
    public String toString() {
        return "H2Server[" + url + ", serving " + databaseFile + "]";
    }
}
