package dev.osprey.studydb;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import dev.osprey.optimizer.trial.Direction;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The H2 server started from code: loopback, password, no databases made by clients, workers that
 * read and write studies and nothing else.
 */
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
    void aClientThatAsksForAnAdminSettingIsToldWhyItIsRefused() {
        StorageException e = assertThrows(StorageException.class, () -> Storages.open(
                server.url() + ";OPTIMIZE_REUSE_RESULTS=FALSE", JdbcLocationTest.credentials(server.user(), SECRET)));
        assertTrue(e.getMessage().contains("not an admin") && e.getMessage().contains("OPTIMIZE_REUSE_RESULTS"),
                e.getMessage());
    }

    @Test
    void workersRunAStudyButCannotDefineJavaFunctionsNorChangeTheSchema() throws Exception {
        try (Storage storage = server.connect();
             Study study = Study.builder().name("worker-rights").storage(storage).seed(1).createOrLoad()) {
            study.optimize(trial -> trial.suggestFloat("x", 0, 1), 3);
            assertEquals(3, study.trials().size());
        }
        try (Connection worker = DriverManager.getConnection(server.url(), server.user(), SECRET);
             Statement statement = worker.createStatement()) {
            for (String sql : List.of("CREATE ALIAS RUN_COMMAND FOR 'java.lang.Runtime.getRuntime'",
                    "DROP TABLE trials", "CREATE TABLE extra (x INT)", "DELETE FROM \"flyway_schema_history\"",
                    "CALL FILE_READ('" + directory.resolve("studies.admin-password") + "')", "SHUTDOWN")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(refused.getErrorCode() == ErrorCode.ADMIN_RIGHTS_REQUIRED
                        || refused.getErrorCode() == ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1, sql + ": " + refused);
            }
        }
        assertTrue(server.isRunning());
    }

    @Test
    void theAdminPasswordIsKeptBesideTheDatabaseForItsOwnerOnly() throws Exception {
        Path file = directory.resolve("studies.admin-password");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertThrows(SQLException.class, () -> DriverManager.getConnection(server.url(), "OSPREY_ADMIN", SECRET).close(),
                "the workers' password does not open the admin");
    }

    @Test
    void otherHostsNeedAStrongPassword() {
        for (String weak : List.of("short-Pw1", "aaaaaaaaaaaaaaaaaaaaaaaa", "internationalization", "abababababababab12")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> H2Server.builder().directory(directory).port(0).password(weak).allowOthers().start(), weak);
            assertTrue(e.getMessage().contains(ServerPasswordRule.RULE), e.getMessage());
            assertFalse(e.getMessage().contains(weak), "the message does not repeat the password");
        }
        assertTrue(ServerPasswordRule.accepts("correct horse battery staple"));
        assertTrue(ServerPasswordRule.accepts(SECRET));
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

    @Test
    void aDatabaseWhoseAdminWasTheWorkerIsHandedToTheAdmin(@TempDir Path legacy) throws Exception {
        Path file = legacy.resolve("studies");
        try (Storage made = JdbcStorages.openLocation(file.toString(), JdbcLocationTest.credentials("osprey", SECRET),
                name -> null)) {
            made.createStudy("kept", List.of(Direction.MINIMIZE), Map.of());
        }
        assertThrows(StorageException.class, () -> H2Server.builder().directory(legacy).port(0).password("wrong").start());
        assertFalse(Files.exists(legacy.resolve("studies.admin-password")), "a failed hand-over leaves nothing behind");

        try (H2Server adopted = H2Server.builder().directory(legacy).port(0).password(SECRET).start();
             Storage storage = adopted.connect();
             Connection worker = DriverManager.getConnection(adopted.url(), "osprey", SECRET);
             Statement statement = worker.createStatement()) {
            assertTrue(storage.findStudy("kept").isPresent());
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("CREATE ALIAS RUN_COMMAND FOR 'java.lang.Runtime.getRuntime'"));
            assertEquals(ErrorCode.ADMIN_RIGHTS_REQUIRED, refused.getErrorCode());
        }
    }
}
