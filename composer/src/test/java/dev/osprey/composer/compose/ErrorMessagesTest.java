package dev.osprey.composer.compose;

import dev.osprey.composer.bind.ConfigBindingException;
import dev.osprey.composer.bind.Records;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.override.OverrideParseException;
import dev.osprey.composer.yaml.YamlLoadException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every kind of bad input a user meets while composing, with the whole message: where (file, line and
 * column; or the override and its column; or the key) and what to do.
 */
class ErrorMessagesTest {

    record Db(String driver, int port, String user) {
    }

    record App(Db db, String app, String url) {
    }

    @TempDir
    Path conf;

    private Composer composer;

    private void write(String path, String text) throws IOException {
        Path file = conf.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("config.yaml", "defaults:\n  - db: mysql\n  - _self_\napp: demo\nurl: jdbc:${db.driver}:${db.prot}\n");
        write("db/mysql.yaml", "driver: mysql\nport: 3306\nuser: root\n");
        write("db/postgresql.yaml", "driver: postgresql\nport: 5432\nuser: postgres\n");
        write("db/broken.yaml", "driver: broken\nport: [3306, 3307\nuser: root\n");
        write("db/tabs.yaml", "driver: tabs\nport:\n\t3306\n");
        write("cycle.yaml", "a: ${b}\nb: x_${a}\n");
        composer = new Composer(ConfigRepository.fromDirectory(conf));
    }

    private String path(String file) {
        return conf.toAbsolutePath().normalize().resolve(file).toString();
    }

    private CompositionException compositionError(String... overrides) {
        return assertThrows(CompositionException.class, () -> composer.compose("config", List.of(overrides)));
    }

    @Test
    void malformedYamlNamesTheFileLineAndColumn() {
        YamlLoadException e = assertThrows(YamlLoadException.class, () -> composer.compose("config",
                List.of("db=broken")));
        assertEquals(path("db/broken.yaml") + ":3:5: expected ',' or ']', but got : (while parsing a flow sequence"
                + " at line 2, column 7)", e.getMessage());
        assertEquals(3, e.line());
        YamlLoadException tabs = assertThrows(YamlLoadException.class, () -> composer.compose("config",
                List.of("db=tabs")));
        assertEquals(path("db/tabs.yaml") + ":3:1: found character '\\t(TAB)' that cannot start any token. (Do not use"
                + " \\t(TAB) for indentation) (while scanning for the next token)", tabs.getMessage());
    }

    @Test
    void unknownOptionsListTheAvailableOnes() {
        assertEquals("In 'config': Could not find 'db/oracle'\n\nAvailable options in 'db':\n\tbroken\n\tmysql"
                + "\n\tpostgresql\n\ttabs\nConfig search path:\n\tprovider=main, path=file://"
                + conf.toAbsolutePath().normalize(), compositionError("db=oracle").getMessage());
    }

    @Test
    void aMisspeltGroupIsNamedWithTheKeysAndGroupsThatExist() {
        assertEquals("Could not override 'dbs'.\nTo append to your config use +dbs=postgresql\n'dbs' is neither a key"
                + " of the config nor a config group. Keys: db, app, url; config groups: db",
                compositionError("dbs=postgresql").getMessage());
    }

    @Test
    void changingAMissingKeyNeedsAPlus() {
        assertEquals("Could not override 'db.pool'.\nTo append to your config use +db.pool=8",
                compositionError("db.pool=8").getMessage());
    }

    @Test
    void addingAnExistingKeyNeedsNoPlusOrTwo() {
        assertEquals("Could not append to config. An item is already at 'db.port'.\nEither remove + prefix:"
                + " 'db.port=1'\nOr add a second + to add or override 'db.port': '++db.port=1'",
                compositionError("+db.port=1").getMessage());
    }

    @Test
    void aSweepInASingleRunSaysHowToSweep() {
        assertEquals("Ambiguous value for argument 'db.port=1,2'\n1. To use it as a list, use key=[value1,value2]\n"
                + "2. To use it as string, quote the value: key='value1,value2'\n3. To sweep over it, add --multirun to"
                + " your command line", compositionError("db.port=1,2").getMessage());
        assertEquals("Sweep parameters 'db=glob(*)' requires --multirun", compositionError("db=glob(*)").getMessage());
    }

    @Test
    void aCastIntegerIsExactAndOneBeyondSixtyFourBitsIsRefusedByName() {
        // Hydra's int(1e18) is the exact Python int; a config value holds 64 bits, so 1e20 is an error, never wrapped
        assertEquals(1_000_000_000_000_000_000L,
                composer.compose("config", List.of("db.port=int(1e18)")).getLong("db.port"));
        assertEquals("Could not apply 'db.port=int(1e20)': the integer 100000000000000000000 is out of the 64-bit range",
                compositionError("db.port=int(1e20)").getMessage());
        assertEquals("Could not apply 'db.port=int(-9.3e18)': the integer -9300000000000000000 is out of the 64-bit"
                + " range", compositionError("db.port=int(-9.3e18)").getMessage());
    }

    @Test
    void aBadOverrideNamesItsPositionAndColumn() {
        OverrideParseException e = assertThrows(OverrideParseException.class,
                () -> composer.compose("config", List.of("app=x", "db.port=[1,2")));
        assertEquals(1, e.index());
        assertEquals(13, e.column());
        assertEquals("Error parsing override #1 'db.port=[1,2': no viable alternative at input '[1,2'"
                + " (column 13: expected ',' or ']')", e.getMessage());
    }

    @Test
    void unresolvableAndCyclicInterpolationsNameTheKey() {
        Config config = composer.compose("config");
        InterpolationException missing = assertThrows(InterpolationException.class, () -> config.getString("url"));
        assertEquals("Interpolation '${db.prot}' at 'url': key 'db.prot' not found", missing.getMessage());
        assertEquals("url", missing.path());
        Composition composition = composer.composition("config", List.of());
        assertThrows(InterpolationException.class, () -> composition.resolvedConfig(Resolvers.standard()));
        InterpolationException cycle = assertThrows(InterpolationException.class,
                () -> composer.compose("cycle").resolve());
        assertEquals("Interpolation cycle: a -> b -> a", cycle.getMessage());
    }

    @Test
    void aWrongTypedRecordFieldNamesThePathTheTypeAndTheValue() {
        ConfigBindingException bound = assertThrows(ConfigBindingException.class,
                () -> Records.bind(composer.compose("config", List.of("db.port=many", "url=x")), App.class));
        assertEquals("'db.port' expects int, got the string 'many'. Fix the value in the config or the override"
                + " that sets it", bound.getMessage());
        ConfigBindingException checked = assertThrows(ConfigBindingException.class,
                () -> composer.checkOverrides(App.class, List.of("db=postgresql", "db.port=many")));
        assertEquals("Override 'db.port=many' (value at column 9): 'db.port' expects int, got the string 'many'."
                + " Fix the override, or the schema App if it is out of date", checked.getMessage());
    }

    @Test
    void interpolationsOfValueOverridesStayUnresolvedUntilRead() {
        Config config = composer.compose("config", List.of("app=${db.driver}", "+later=${not.yet}"));
        assertEquals("${db.driver}", ((dev.osprey.composer.value.ConfigValue.StringValue) config.find("app").orElseThrow())
                .value());
        assertEquals("mysql", config.getString("app"));
        assertEquals("postgresql", composer.compose("config", List.of("app=${db.driver}", "db=postgresql"))
                .getString("app"));
    }

    @Test
    void deletingWithAValueComparesTheValueAsRead() {
        assertEquals(false, composer.compose("config", List.of("app=${db.driver}", "~app=mysql")).has("app"));
        assertEquals("Could not delete from config. The value of 'app' is mysql and not ${db.driver}.",
                compositionError("app=${db.driver}", "~app=${db.driver}").getMessage());
    }
}
