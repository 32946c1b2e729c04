package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage locations: paths and URLs, where credentials come from, and that passwords never show. */
class JdbcLocationTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path directory;

    private static JdbcLocation parse(String location) {
        return JdbcLocation.parse(location, new Properties(), NO_ENV::get);
    }

    @Test
    void aPlainPathIsAnH2FileWithOrWithoutItsSuffix() {
        Path base = directory.resolve("runs/studies");
        for (String given : new String[] {base.toString(), base + ".mv.db"}) {
            JdbcLocation location = parse(given);
            assertEquals(JdbcLocation.Kind.H2_EMBEDDED, location.kind());
            assertEquals("jdbc:h2:file:" + base + ";LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_ON_EXIT=FALSE", location.url());
            assertEquals(Optional.of(Path.of(base + ".mv.db")), location.file());
            assertEquals("sa", location.user());
            assertNull(location.password());
        }
        JdbcLocation relative = parse("osprey-studies/studies");
        assertEquals("jdbc:h2:file:" + Path.of("osprey-studies/studies").toAbsolutePath()
                + ";LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_ON_EXIT=FALSE",
                relative.url(), "H2 wants explicit paths: relative ones are made absolute");
    }

    @Test
    void aDirectoryIsNotADatabaseFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(directory.toString()));
        assertTrue(e.getMessage().contains("is a directory") && e.getMessage().contains("studies"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:h2:mem:x                                 | H2_MEMORY   | jdbc:h2:mem:x;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE",
        "jdbc:h2:mem:x;LOCK_TIMEOUT=50;DB_CLOSE_DELAY=0 | H2_MEMORY   | jdbc:h2:mem:x;LOCK_TIMEOUT=50;DB_CLOSE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE",
        "jdbc:h2:file:/data/s;USER=u;PASSWORD=p;X=1   | H2_EMBEDDED | jdbc:h2:file:/data/s;X=1;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE",
        "jdbc:h2:tcp://127.0.0.1:9092/studies          | H2_SERVER   | jdbc:h2:tcp://127.0.0.1:9092/studies;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE",
        "jdbc:h2:mem:x;optimize_reuse_results=TRUE     | H2_MEMORY   | jdbc:h2:mem:x;optimize_reuse_results=TRUE;LOCK_TIMEOUT=10000",
        "jdbc:postgresql://db:5432/hpo                 | POSTGRESQL  | jdbc:postgresql://db:5432/hpo",
        "jdbc:postgresql://db/hpo?user=u&password=p&ssl=true | POSTGRESQL | jdbc:postgresql://db/hpo?ssl=true",
    })
    void urlsAreUsedAsGivenWithoutTheirCredentials(String given, JdbcLocation.Kind kind, String url) {
        JdbcLocation location = parse(given);
        assertEquals(kind, location.kind());
        assertEquals(url, location.url());
    }

    @Test
    void credentialsComeFromTheUrlThenPropertiesThenTheEnvironment() {
        Map<String, String> env = Map.of(JdbcLocation.USER_ENV, "env-user", JdbcLocation.PASSWORD_ENV, "env-pw");
        Properties properties = new Properties();
        properties.setProperty("user", "prop-user");
        properties.setProperty("password", "prop-pw");
        String pg = "jdbc:postgresql://db/hpo";

        JdbcLocation fromUrl = JdbcLocation.parse(pg + "?user=url-user&password=a%26b", properties, env::get);
        assertEquals("url-user", fromUrl.user());
        assertEquals("a&b", fromUrl.password(), "URL-encoded values are decoded");
        JdbcLocation fromProperties = JdbcLocation.parse(pg, properties, env::get);
        assertEquals("prop-user", fromProperties.user());
        assertEquals("prop-pw", fromProperties.password());
        JdbcLocation fromEnv = JdbcLocation.parse(pg, new Properties(), env::get);
        assertEquals("env-user", fromEnv.user());
        assertEquals("env-pw", fromEnv.password());
        JdbcLocation h2 = JdbcLocation.parse("jdbc:h2:mem:x;PASSWORD=h2-pw", new Properties(), env::get);
        assertEquals("env-user", h2.user());
        assertEquals("h2-pw", h2.password());
    }

    @Test
    void passwordsAreRedactedEverywhereTheyCouldShow() {
        assertEquals("jdbc:h2:tcp://h/s;USER=u;PASSWORD=***;X=1",
                JdbcLocation.redact("jdbc:h2:tcp://h/s;USER=u;PASSWORD=hunter2;X=1"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                JdbcLocation.redact("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true"));
        assertEquals("postgresql://u:***@h/db", JdbcLocation.redact("postgresql://u:hunter2@h/db"));
        assertEquals("x;file_password=***", JdbcLocation.redact("x;file_password=hunter2"));

        JdbcLocation location = parse("jdbc:h2:tcp://h/s;PASSWORD=hunter2");
        assertFalse(location.url().contains("hunter2"));
        assertFalse(location.toString().contains("hunter2"), location.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("mysql://root:hunter2@db/hpo"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
        IllegalArgumentException userInfo = assertThrows(IllegalArgumentException.class,
                () -> parse("jdbc:postgresql://root:hunter2@db/hpo"));
        assertFalse(userInfo.getMessage().contains("hunter2"), userInfo.getMessage());
    }

    @Test
    void emptyAndUnsupportedLocationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("jdbc:mysql://db/hpo"));
        assertTrue(e.getMessage().contains("jdbc:mysql://db/hpo") && e.getMessage().contains("jdbc:h2:"), e.getMessage());
    }

    @Test
    void theDefaultLocationComesFromTheEnvironment() throws Exception {
        assertEquals(Storages.DEFAULT_LOCATION, Storages.defaultLocation(Map.of()));
        assertEquals(Storages.DEFAULT_LOCATION, Storages.defaultLocation(Map.of(Storages.LOCATION_ENV, " ")));
        Path file = directory.resolve("env/studies");
        Map<String, String> env = Map.of(Storages.LOCATION_ENV, file.toString(), Storages.PASSWORD_ENV, "pw");
        try (Storage storage = Storages.fromEnvironment(env)) {
            storage.createStudy("s", java.util.List.of(dev.osprey.optimizer.trial.Direction.MINIMIZE), Map.of());
        }
        assertTrue(Files.exists(Path.of(file + ".mv.db")));
        try (Storage again = Storages.open(file.toString(), credentials("sa", "pw"))) {
            assertEquals(1, again.studies().size(), "the password from the environment protects the new database");
        }
    }

    static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }
}
