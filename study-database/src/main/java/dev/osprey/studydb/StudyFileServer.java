package dev.osprey.studydb;

import org.h2.tools.Server;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Serves a study file this process has open to Osprey's other processes, so that {@code osprey
 * trials} in a second shell, or a second sweep, can use the file during a sweep. An embedded H2 file
 * is locked by the process that opens it; that process therefore runs an H2 TCP server for it on
 * 127.0.0.1 (on a free port, never another interface) and writes {@code NAME.osprey-server} beside
 * the file, readable by its owner only, with the address and a random key that the server requires
 * as the database name. Another process that finds the file locked reads it and connects there.
 *
 * <p>H2's own mixed mode ({@code AUTO_SERVER}) does the same, but cannot be combined with
 * {@code DB_CLOSE_ON_EXIT=FALSE}, which a sweep needs to fail its interrupted trials on Ctrl-C.
 * Writers (a second sweep, a worker) and readers ({@code osprey dashboard}, {@code watch},
 * {@code trials}) are served on two ports with two keys, so that the serving process tells their
 * sessions apart: when it closes, it waits for the other writers' sessions to end, so that a second
 * sweep is never cut off, but not for readers, whose sessions end with it; they connect again
 * ({@link ReaderConnections}), to the next process that serves the file or to the file itself.
 */
final class StudyFileServer implements AutoCloseable {

    static final String SUFFIX = ".osprey-server";
    private static final System.Logger LOG = System.getLogger(StudyFileServer.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The files this JVM serves, each once however many times it is open here, with how many times. */
    private static final java.util.Map<Path, StudyFileServer> SERVED = new java.util.HashMap<>();

    private final Server server;
    private final Server readers;
    private final Path addressFile;
    private final String key;
    private int users = 1; // guarded by SERVED

    private StudyFileServer(Server server, Server readers, Path addressFile, String key) {
        this.server = server;
        this.readers = readers;
        this.addressFile = addressFile;
        this.key = key;
    }

    /** Where the address of the process serving {@code databaseFile} (NAME.mv.db) is written. */
    static Path addressFile(Path databaseFile) {
        String name = databaseFile.toString();
        return Path.of(name.substring(0, name.length() - ".mv.db".length()) + SUFFIX);
    }

    /**
     * Starts serving the open file of {@code location}; empty (with a warning) when H2 would listen
     * beyond loopback in this JVM or the server cannot start, and the file then serves this process alone.
     */
    static Optional<StudyFileServer> start(JdbcLocation location) {
        Path file = location.file().orElseThrow();
        synchronized (SERVED) {
            StudyFileServer running = SERVED.get(file);
            if (running != null) {
                running.users++;
                return Optional.of(running);
            }
            Optional<StudyFileServer> started = startServing(location, file);
            started.ifPresent(s -> SERVED.put(file, s));
            return started;
        }
    }

    private static Optional<StudyFileServer> startServing(JdbcLocation location, Path file) {
        String bind = H2Settings.effectiveBindAddress();
        if (!H2Settings.isLoopback(bind)) {
            LOG.log(System.Logger.Level.WARNING, "{0}={1} is no loopback address: the study file {2} is not served"
                    + " to other processes, which cannot read it while this one has it open",
                    H2Settings.BIND_ADDRESS_PROPERTY, String.valueOf(bind), file);
            return Optional.empty();
        }
        String name = file.toString().substring(0, file.toString().length() - ".mv.db".length());
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String key = "osprey-" + HexFormat.of().formatHex(bytes);
        RANDOM.nextBytes(bytes);
        String readerKey = "osprey-reader-" + HexFormat.of().formatHex(bytes);
        Server server = null;
        Server readers = null;
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key, name).start();
            readers = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", readerKey, name).start();
            Path addressFile = addressFile(file);
            Path temporary = Files.createTempFile(addressFile.getParent(), ".osprey-server", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write("# the Osprey process that has this study file open serves it here\n");
                out.write("server=" + H2Settings.LOOPBACK + ":" + server.getPort() + "\n");
                out.write("key=" + key + "\n");
                out.write("reader=" + H2Settings.LOOPBACK + ":" + readers.getPort() + "\n");
                out.write("readerKey=" + readerKey + "\n");
                out.write("pid=" + ProcessHandle.current().pid() + "\n");
            }
            Files.move(temporary, addressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new StudyFileServer(server, readers, addressFile, key));
        } catch (SQLException | IOException | UnsupportedOperationException e) {
            if (server != null) {
                server.stop();
            }
            if (readers != null) {
                readers.stop();
            }
            LOG.log(System.Logger.Level.WARNING, "cannot serve the study file {0} to other processes ({1}); they"
                    + " cannot read it while this one has it open", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The location through which another process serves the file of {@code location} to writers, or
     * to readers when {@code reader}, if one says it does.
     */
    static Optional<JdbcLocation> servedLocation(JdbcLocation location, boolean reader) {
        Path addressFile = addressFile(location.file().orElseThrow());
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(addressFile)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        // a process of an Osprey version before the readers' port serves everyone on the writers' one
        boolean readersPort = reader && properties.getProperty("reader") != null;
        String server = properties.getProperty(readersPort ? "reader" : "server");
        String key = properties.getProperty(readersPort ? "readerKey" : "key");
        if (server == null || key == null || !H2Settings.isLoopback(server)) {
            return Optional.empty();
        }
        return Optional.of(location.servedAt(server, key));
    }

    /** This server's own port, for tests. */
    int port() {
        return server.getPort();
    }

    /**
     * Called when this JVM closes the file once: the last time, waits until no other process writing
     * the file has a session on it (seen through {@code anchor}), then stops serving it, which ends
     * the readers' sessions, and removes the address file.
     */
    void closeAfterClients(Connection anchor) {
        synchronized (SERVED) {
            if (--users > 0) {
                return; // the file is still open elsewhere in this JVM, which keeps serving it
            }
            SERVED.values().remove(this);
        }
        boolean said = false;
        try {
            while (writerSessions(anchor) > 0) {
                if (!said) {
                    LOG.log(System.Logger.Level.WARNING, "another Osprey process that writes (a second sweep or a"
                            + " worker) still uses the study file that {0} serves; this process ends when that one"
                            + " ends or closes", addressFile);
                    said = true;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** The sessions of other processes through the writers' port (H2 names the port a session came in by). */
    private int writerSessions(Connection anchor) {
        try (var statement = anchor.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL AND SERVER LIKE ?")) {
            statement.setString(1, "%:" + server.getPort());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            return 0; // the database is gone: nobody is served any more
        }
    }

    @Override
    public void close() {
        server.stop();
        readers.stop();
        try {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(addressFile)) {
                properties.load(in);
            }
            if (key.equals(properties.getProperty("key"))) {
                Files.deleteIfExists(addressFile);
            }
        } catch (IOException e) {
            // already gone, or another process's: leave it
        }
    }
}
