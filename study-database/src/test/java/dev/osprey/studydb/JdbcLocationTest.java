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
    void aNewStudyFileLeavesNothingButItselfBesideIt() throws Exception {
        try (Storage storage = Storages.open(directory.resolve("studies").toString())) {
            storage.createStudy("s", java.util.List.of(dev.osprey.optimizer.trial.Direction.MINIMIZE), Map.of());
        }
        try (var files = Files.list(directory)) {
            assertEquals(java.util.List.of("studies.mv.db"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no studies.trace.db from the schema check of a new database");
        }
    }

    @Test
    void aPlainPathCarriesNoSettingsAndNoOtherSeparator() {
        // H2 would read ';INIT=...' after a file path as a setting, and run the script
        IllegalArgumentException settings = assertThrows(IllegalArgumentException.class,
                () -> parse(directory.resolve("s;INIT=RUNSCRIPT FROM 'evil.sql'").toString()));
        assertTrue(settings.getMessage().contains("holds ';', which H2 would read as the start of database settings"),
                settings.getMessage());
        IllegalArgumentException backslash = assertThrows(IllegalArgumentException.class,
                () -> parse(directory.resolve("back\\slash").toString()));
        assertTrue(backslash.getMessage().contains("a folder separator"), backslash.getMessage());
        IllegalArgumentException newline = assertThrows(IllegalArgumentException.class,
                () -> parse(directory.resolve("two\nlines").toString()));
        assertTrue(newline.getMessage().contains("two\\u000alines") && !newline.getMessage().contains("\n"),
                newline.getMessage());
    }

    @Test
    void aPlainPathIsAnH2FileWithOrWithoutItsSuffix() {
        Path base = directory.resolve("runs/studies");
        for (String given : new String[] {base.toString(), base + ".mv.db"}) {
            JdbcLocation location = parse(given);
            assertEquals(JdbcLocation.Kind.H2_EMBEDDED, location.kind());
            assertEquals("jdbc:h2:file:" + base + ";LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0", location.url());
            assertEquals(Optional.of(Path.of(base + ".mv.db")), location.file());
            assertEquals("sa", location.user());
            assertNull(location.password());
        }
        JdbcLocation relative = parse("osprey-studies/studies");
        assertEquals("jdbc:h2:file:" + Path.of("osprey-studies/studies").toAbsolutePath()
                + ";LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0",
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
        "jdbc:h2:file:/data/s;USER=u;PASSWORD=p;CACHE_SIZE=8192 | H2_EMBEDDED | jdbc:h2:file:/data/s;CACHE_SIZE=8192;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE",
        "jdbc:h2:tcp://127.0.0.1:9092/studies          | H2_SERVER   | jdbc:h2:tcp://127.0.0.1:9092/studies;LOCK_TIMEOUT=10000",
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

    /** Settings that run code, write files, open servers or change the database under Osprey are refused by name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '/tmp/evil.sql'             | INIT",
        "jdbc:h2:file:/data/s;init=RUNSCRIPT FROM 'http://host/evil.sql' | INIT",
        "jdbc:h2:tcp://127.0.0.1:9092/s; INIT =CREATE ALIAS X FOR 'java.lang.Runtime.exec' | INIT",
        "jdbc:h2:file:/data/s;TRACE_LEVEL_FILE=4                       | TRACE_LEVEL_FILE",
        "jdbc:h2:file:/data/s;FILE_LOCK=SERIALIZED                     | FILE_LOCK",
        "jdbc:h2:file:/data/s;ACCESS_MODE_DATA=r                       | ACCESS_MODE_DATA",
        "jdbc:h2:file:/data/s;AUTO_SERVER=TRUE                         | AUTO_SERVER",
        "jdbc:h2:file:/data/s;MODE=PostgreSQL                          | MODE",
        "jdbc:h2:file:/data/s;IGNORE_UNKNOWN_SETTINGS=TRUE;INIT=x       | IGNORE_UNKNOWN_SETTINGS",
        "jdbc:postgresql://db/hpo?socketFactory=org.example.Evil       | socketFactory",
        "jdbc:postgresql://db/hpo?sslfactory=org.example.Evil&ssl=true | sslfactory",
        "jdbc:postgresql://db/hpo?loggerFile=/etc/cron.d/x&loggerLevel=DEBUG | loggerFile",
        "jdbc:postgresql://db/hpo?authenticationPluginClassName=x.Y    | authenticationPluginClassName",
    })
    void settingsThatLoadOrRunAnythingAreRefusedByName(String location, String setting) {
        String withPassword = location + (location.startsWith("jdbc:h2:") ? ";PASSWORD=hunter2" : "&password=hunter2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcLocation.parse(withPassword, new Properties(), name -> null));
        assertTrue(e.getMessage().contains("'" + setting.toUpperCase(java.util.Locale.ROOT) + "'")
                || e.getMessage().contains("'" + setting + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("does not accept"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), "the password is never shown: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jdbc:h2:zip:/data/s.zip!/s", "jdbc:h2:split:/data/s", "jdbc:h2:nio:/data/s", "jdbc:h2:async:/data/s"})
    void otherH2FileSystemsAreRefused(String location) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcLocation.parse(location, new Properties(), name -> null));
        assertTrue(e.getMessage().startsWith("unsupported H2 location"), e.getMessage());
    }

    @Test
    void theAcceptedSettingsStillPass() {
        JdbcLocation h2 = JdbcLocation.parse("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=5;CACHE_SIZE=1024",
                new Properties(), name -> null);
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=5;CACHE_SIZE=1024;OPTIMIZE_REUSE_RESULTS=FALSE", h2.url());
        JdbcLocation pg = JdbcLocation.parse("jdbc:postgresql://db/hpo?sslmode=require&currentSchema=s&connectTimeout=3",
                new Properties(), name -> null);
        assertEquals("jdbc:postgresql://db/hpo?sslmode=require&currentSchema=s&connectTimeout=3", pg.url());
    }
}
