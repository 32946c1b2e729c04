package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The H2 server started from code: loopback, password, no databases made by clients. */
class H2ServerTest {

    private static final String SECRET = "s3cret-for-tests";

    @TempDir
    static Path directory;
    private static H2Server server;

    @BeforeAll
    static void start() {
        server = H2Server.builder().directory(directory).port(0).password(SECRET).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertFalse(server.isRunning());
    }

    @Test
    void clientsWithThePasswordShareTheDatabase() {
        assertTrue(server.url().startsWith("jdbc:h2:tcp://127.0.0.1:" + server.port() + "/studies"), server.url());
        assertTrue(Files.exists(directory.resolve("studies.mv.db")), "the database was made before the server started");
        assertEquals("127.0.0.1", H2Settings.effectiveBindAddress(), "H2 listens on loopback only");
        try (Storage first = server.connect();
             Storage second = Storages.open(server.url(), JdbcLocationTest.credentials(server.user(), SECRET))) {
            first.createStudy("shared", List.of(Direction.MINIMIZE), Map.of());
            assertTrue(second.findStudy("shared").isPresent());
            second.deleteStudy(second.findStudy("shared").orElseThrow().id());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        StorageException e = assertThrows(StorageException.class,
                () -> Storages.open(server.url() + ";PASSWORD=not-the-password", JdbcLocationTest.credentials("osprey", "x")));
        assertTrue(e.getMessage().contains("wrong user name or password"), e.getMessage());
        assertTrue(e.getMessage().contains(server.url()), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
    }

    @Test
    void clientsCannotCreateDatabases() {
        String other = server.url().replace("/studies", "/other");
        StorageException e = assertThrows(StorageException.class,
                () -> Storages.open(other, JdbcLocationTest.credentials(server.user(), SECRET)));
        assertTrue(e.getMessage().contains("does not exist on the server"), e.getMessage());
        assertFalse(Files.exists(directory.resolve("other.mv.db")));
    }

    @Test
    void aUserWhoIsNoAdminIsToldWhyTheyAreRefused() throws Exception {
        try (var admin = java.sql.DriverManager.getConnection(server.url(), server.user(), SECRET);
             var statement = admin.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS reader PASSWORD 'pw'");
        }
        StorageException e = assertThrows(StorageException.class,
                () -> Storages.open(server.url(), JdbcLocationTest.credentials("reader", "pw")));
        assertTrue(e.getMessage().contains("not an admin") && e.getMessage().contains("OPTIMIZE_REUSE_RESULTS"),
                e.getMessage());
    }

    @Test
    void aServerNeedsAPasswordAndADirectory() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> H2Server.builder().directory(directory).port(0).start());
        assertTrue(none.getMessage().contains("needs a password"), none.getMessage());
        assertThrows(IllegalStateException.class, () -> H2Server.builder().directory(directory).password(" ").start());
        assertThrows(IllegalStateException.class, () -> H2Server.builder().password("pw").start());
        assertThrows(IllegalArgumentException.class, () -> H2Server.builder().port(70000));
        assertThrows(IllegalArgumentException.class, () -> H2Server.builder().database("../escape"));
    }

    @Test
    void aTakenPortIsReported() {
        StorageException e = assertThrows(StorageException.class,
                () -> H2Server.builder().directory(directory).port(server.port()).password(SECRET).start());
        assertTrue(e.getMessage().contains("port " + server.port()), e.getMessage());
    }

    @Test
    void otherHostsNeedABindAddressBeyondLoopback() {
        StorageException e = assertThrows(StorageException.class,
                () -> H2Server.builder().directory(directory).port(0).password(SECRET).allowOthers().start());
        assertTrue(e.getMessage().contains("-Dh2.bindAddress"), e.getMessage());
    }
}
