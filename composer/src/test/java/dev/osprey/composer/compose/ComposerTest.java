package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposerTest {

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
        write("config.yaml", """
                defaults:
                  - db: mysql
                  - _self_
                app: demo
                """);
        write("db/mysql.yaml", "driver: mysql\nport: 3306\nuser: root\n");
        write("db/postgresql.yaml", "driver: postgresql\nport: 5432\nuser: postgres\n");
        write("server/apache.yaml", "name: apache\n");
        write("server/nginx.yaml", "name: nginx\n");
        composer = new Composer(ConfigRepository.fromDirectory(conf));
    }

    private Config compose(String... overrides) {
        return composer.compose("config", List.of(overrides));
    }

    private String error(String... overrides) {
        return assertThrows(CompositionException.class, () -> compose(overrides)).getMessage();
    }

    @Test
    void composesAndAppliesValueOverrides() {
        Config config = compose("db=postgresql", "db.port=1", "+db.pool=8", "++app=other", "~db.user");
        assertEquals("postgresql", config.getString("db.driver"));
        assertEquals(1, config.getInt("db.port"));
        assertEquals(8, config.getInt("db.pool"));
        assertEquals("other", config.getString("app"));
        assertFalse(config.has("db.user"));
        assertTrue(config.isStruct());
        assertEquals(3306, compose("+db={pool: 8}").getInt("db.port"), "+ with a map merges");
        assertEquals(8, compose("+db={pool: 8}").getInt("db.pool"));
        assertEquals(List.of(1L, 2L), compose("+xs=[1,2]").getList("xs"));
    }

    @Test
    void valueOverrideErrorsUseHydraTexts() {
        assertEquals("Could not override 'db.pool'.\nTo append to your config use +db.pool=8", error("db.pool=8"));
        assertEquals("Could not append to config. An item is already at 'db.port'.\n"
                + "Either remove + prefix: 'db.port=1'\n"
                + "Or add a second + to add or override 'db.port': '++db.port=1'", error("+db.port=1"));
        assertEquals("Could not delete from config. 'db.nope' does not exist.", error("~db.nope"));
        assertEquals("Could not delete from config. The value of 'db.port' is 3306 and not 1.", error("~db.port=1"));
        assertEquals("Override app@pkg=1 looks like a config group override, but config group 'app' does not exist.",
                error("app@pkg=1"));
    }

    @Test
    void sweepsAreRejectedInASingleRun() {
        assertEquals("Ambiguous value for argument 'db.port=1,2'\n"
                + "1. To use it as a list, use key=[value1,value2]\n"
                + "2. To use it as string, quote the value: key='value1,value2'\n"
                + "3. To sweep over it, add --multirun to your command line", error("db.port=1,2"));
        assertEquals("Sweep parameters 'db.port=range(1,3)' requires --multirun", error("db.port=range(1,3)"));
        assertEquals("Sweep parameters 'db=glob(*)' requires --multirun", error("db=glob(*)"));
    }

    @Test
    void groupOperationsOnTheCommandLine() {
        assertEquals("apache", compose("+server=apache").getString("server.name"));
        assertFalse(compose("~db").has("db"));
        assertFalse(compose("~db=mysql").has("db"));
        assertFalse(compose("db=null").has("db"), "null selects nothing");
        assertEquals("Could not delete 'db=postgresql'. No match in the defaults list", error("~db=postgresql"));
        assertEquals("Could not delete 'server'. No match in the defaults list", error("~server"));
        assertEquals("Could not override 'server'. No match in the defaults list.\n"
                + "To append to your default list use +server=apache", error("server=apache"));
        assertEquals("force-add of config groups is not supported: '++db=postgresql'", error("++db=postgresql"));
        assertEquals("Config group override must be a string or a list. Got int in 'db=1'", error("db=1"));
        assertEquals("db appears more than once in the final defaults list", error("+db=mysql"));
        assertEquals("Multiple values for db. To override a value use 'override db: postgresql'",
                error("+db=postgresql"));
        Config both = compose("db=[mysql,postgresql]");
        assertEquals("postgresql", both.getString("db.driver"), "options merge in order");
        Config backup = compose("+db@backup=postgresql");
        assertEquals("postgresql", backup.getString("backup.driver"));
        assertEquals("mysql", backup.getString("db.driver"));
    }

    @Test
    void missingOptionsListTheAvailableOnes() {
        MissingConfigException e = assertThrows(MissingConfigException.class, () -> compose("db=oracle"));
        assertEquals("In 'config': Could not find 'db/oracle'\n\nAvailable options in 'db':\n\tmysql\n\tpostgresql\n"
                + "Config search path:\n\tprovider=main, path=file://" + conf.toAbsolutePath().normalize(), e.getMessage());
        assertEquals(List.of("mysql", "postgresql"), e.options());
        assertEquals("db/oracle", e.configPath());
        MissingConfigException primary = assertThrows(MissingConfigException.class,
                () -> composer.compose("nope", List.of()));
        assertTrue(primary.getMessage().startsWith("Cannot find primary config 'nope'. Check that it's in your config"
                + " search path.\nConfig search path:"), primary.getMessage());
    }

    @Test
    void defaultsListErrors() throws IOException {
        write("dup_self.yaml", "defaults:\n  - _self_\n  - _self_\n");
        write("late_override.yaml", "defaults:\n  - db: mysql\n  - override db: postgresql\n  - server: apache\n");
        write("both.yaml", "defaults:\n  - optional override db: mysql\n");
        write("unknown.yaml", "defaults:\n  - required db: mysql\n");
        write("old_form.yaml", "defaults:\n  - {db: mysql, optional: true}\n");
        write("parent.yaml", "defaults:\n  - ../db: mysql\n");
        write("mandatory.yaml", "defaults:\n  - db: ???\n");
        write("interp.yaml", "defaults:\n  - server: ${nope}\n");
        assertEquals("Duplicate _self_ defined in dup_self", composeError("dup_self"));
        assertEquals("In late_override: Override 'db : postgresql' is defined before 'server: apache'.\n"
                + "Overrides must be at the end of the defaults list", composeError("late_override"));
        assertTrue(composeError("both").contains("cannot be both 'optional' and 'override'"));
        assertTrue(composeError("unknown").contains("unknown keyword 'required'"));
        assertTrue(composeError("old_form").contains("invalid Defaults List entry"));
        assertTrue(composeError("parent").contains("Parent traversal ('..')"));
        assertEquals("You must specify 'db', e.g, db=<OPTION>\nAvailable options:\n\tmysql\n\tpostgresql",
                composeError("mandatory"));
        assertEquals("postgresql", composer.compose("mandatory", List.of("db=postgresql")).getString("db.driver"));
        assertTrue(composeError("interp").startsWith("In 'interp': could not resolve the Defaults List interpolation"
                + " 'server: ${nope}'"), composeError("interp"));
    }

    private String composeError(String name) {
        return assertThrows(CompositionException.class, () -> composer.compose(name, List.of())).getMessage();
    }

    @Test
    void packagesAndHeaders() throws IOException {
        write("pkg.yaml", """
                defaults:
                  - db@backup: postgresql
                  - server@_here_: nginx
                  - db@_group_: mysql
                  - grouped: one
                  - _self_
                """);
        write("grouped/one.yaml", "# a comment\n# @package _group_.inner\nv: 1\n");
        Config config = composer.compose("pkg", List.of());
        assertEquals("postgresql", config.getString("backup.driver"));
        assertEquals("nginx", config.getString("name"));
        assertEquals("mysql", config.getString("db.driver"));
        assertEquals(1, config.getInt("grouped.inner.v"));
        Composition composition = composer.composition("pkg", List.of("db@backup=mysql"));
        assertEquals("mysql", composition.config().getString("backup.driver"));
        assertEquals("mysql", composition.choices().get("db@backup"));
        assertEquals(new ComposedDefault("db/mysql", "backup", "pkg", "db@backup"), composition.defaults().get(0));
        assertEquals(new ComposedDefault("pkg", "", null, null), composition.defaults().get(4));
    }

    @Test
    void yamlErrorsNameTheFile() throws IOException {
        write("broken.yaml", "a: 1\na: 2\n");
        YamlLoadException e = assertThrows(YamlLoadException.class, () -> composer.compose("broken", List.of()));
        assertEquals(conf.resolve("broken.yaml").toAbsolutePath().normalize() + ":2:1: duplicate key 'a'"
                + " (first at line 1, column 1)", e.getMessage());
        assertThrows(OverrideParseException.class, () -> compose("db.port=[1,2"));
    }

    @Test
    void composesFromClasspathResources() {
        ConfigRepository repository = ConfigRepository.fromClasspath(
                "conformance/hydra/defaults/02_cli_override_nested_group/conf");
        assertTrue(repository.groupExists("server/db"));
        assertEquals(List.of("mysql", "sqlite"), repository.options("server/db"));
        assertTrue(repository.configExists("server/apache"));
        assertFalse(repository.configExists("server/nope"));
        Config config = new Composer(repository).compose("config", List.of("server/db=sqlite"));
        assertEquals("sqlite", config.getString("server.db.name"));
        assertEquals("apache", config.getString("server.name"));
        assertTrue(repository.location().startsWith("classpath://conformance/"));
    }
}
