package dev.osprey.composer.compose;

import dev.osprey.composer.bind.ConfigBindingException;
import dev.osprey.composer.bind.Records;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.config.MissingValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records registered in a repository are configs and group options, like Hydra's ConfigStore entries. */
class StructuredConfigTest {

    record Db(String host, int port) {
    }

    record Trainer(int epochs, double lr) {
    }

    /** A record with a Defaults List: its static factory cannot be called defaults(), so it is registered as an instance. */
    record App(String name, Trainer trainer, List<Object> defaults) {
    }

    @TempDir
    Path conf;

    private static ConfigRepository records() {
        App app = new App("demo", new Trainer(10, 0.1), List.of("_self_", Map.of("db", "h2")));
        return ConfigRepository.empty().withRecord("app", app).withRecord("db/h2", new Db("h2", 9092))
                .withRecord("db/pg", new Db(null, 5432));
    }

    @Test
    void registeredRecordsComposeWithTheirDefaultsLists() {
        ConfigRepository repository = records();
        assertTrue(repository.groupExists("db"));
        assertEquals(List.of("h2", "pg"), repository.options("db"));
        Composer composer = new Composer(repository);
        Config config = composer.compose("app", List.of("trainer.epochs=5"));
        assertEquals("h2", config.getString("db.host"));
        assertEquals(5, config.getInt("trainer.epochs"));
        assertTrue(!config.has("defaults"), "the defaults component is the Defaults List");
        Config pg = composer.compose("app", List.of("db=pg"));
        assertThrows(MissingValueException.class, () -> pg.getString("db.host"), "a null component must be given");
        assertEquals("x", composer.compose("app", List.of("db=pg", "db.host=x")).getString("db.host"));
        assertEquals(new Trainer(5, 0.1), Records.bind(config, "trainer", Trainer.class));
    }

    @Test
    void aYamlFileWinsOverARecordOfTheSamePath() throws IOException {
        Files.createDirectories(conf.resolve("db"));
        Files.writeString(conf.resolve("db/h2.yaml"), "host: from-yaml\nport: 1\n");
        Files.writeString(conf.resolve("config.yaml"), "defaults:\n  - db: h2\n");
        ConfigRepository repository = ConfigRepository.fromDirectory(conf).withRecord("db/h2", new Db("h2", 9092))
                .withRecord("db/mem", new Db("mem", 0));
        Composer composer = new Composer(repository);
        assertEquals("from-yaml", composer.compose("config").getString("db.host"));
        assertEquals("mem", composer.compose("config", List.of("db=mem")).getString("db.host"));
        MissingConfigException e = assertThrows(MissingConfigException.class,
                () -> composer.compose("config", List.of("db=oracle")));
        assertEquals("In 'config': Could not find 'db/oracle'\n\nAvailable options in 'db':\n\th2\n\tmem\n"
                + "Config search path:\n\tprovider=main, path=file://" + conf.toAbsolutePath().normalize()
                + "\n\tprovider=schema, path=structured://", e.getMessage());
    }

    @Test
    void overridesAreCheckedAgainstASchemaSkippingGroupChoices() {
        Composer composer = new Composer(records());
        composer.checkOverrides(App.class, List.of("db=pg", "trainer.epochs=3"));
        ConfigBindingException e = assertThrows(ConfigBindingException.class,
                () -> composer.checkOverrides(App.class, List.of("db=pg", "trainer.epochs=3.5")));
        assertEquals("Override 'trainer.epochs=3.5' (value at column 16): 'trainer.epochs' expects int, got the"
                + " float 3.5 (an int cannot hold it without losing precision). Fix the override, or the schema App"
                + " if it is out of date", e.getMessage());
    }

    @Test
    void recordPathsMustBePlain() {
        assertThrows(IllegalArgumentException.class, () -> ConfigRepository.empty().withRecord("../x", new Db("a", 1)));
        assertThrows(IllegalArgumentException.class, () -> ConfigRepository.empty().withRecord("", new Db("a", 1)));
    }
}
