package dev.osprey.studydb;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import org.h2.tools.Server;

import java.nio.file.Path;
import java.util.Properties;

/**
 * A running H2 TCP server for a study database, made by {@link H2ServerBuilder#start()}. Closing
 * it stops the server and closes the database.
 */
public final class H2Server implements AutoCloseable {

    private final Server server;
    private final Path databaseFile;
    private final String url;
    private final String user;
    private final String password;

    H2Server(Server server, Path databaseFile, String url, String user, String password) {
        this.server = server;
        this.databaseFile = databaseFile;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The JDBC URL clients on this host open, for example with {@code Storages.open(url, properties)}. */
    /**
     * Starts describing an H2 TCP server for a study database shared by several processes: loopback
     * only and password protected unless told otherwise.
     */
    public static H2ServerBuilder builder() {
        return new H2ServerBuilder();
    }

    public String url() {
        return url;
    }

    /** The port the server listens on (the one chosen, when the builder asked for any free port). */
    public int port() {
        return server.getPort();
    }

    /** The database user clients log in as. */
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

    /** Stops the server; clients still connected lose their connections. */
    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "H2Server[" + url + ", serving " + databaseFile + "]";
    }
}
