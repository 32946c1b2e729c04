package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigException;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.StringValue;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {

    private static Config yaml(String text) {
        return Config.of(YamlLoader.loadConfig(text, "test.yaml"));
    }

    private final Config config = yaml("""
            db:
              driver: mysql
              port: 3306
              timeout: 1.5
              ssl: true
              password: ???
              hosts: [a, b]
            optimizer:
              lr: 1e-3
            layers:
              - {size: 10}
              - {size: 20}
            nothing: null
            """);

    @Test
    void typedAccessByDottedPath() {
        assertEquals("mysql", config.getString("db.driver"));
        assertEquals(3306, config.getInt("db.port"));
        assertEquals(3306L, config.getLong("db.port"));
        assertEquals(1.5, config.getDouble("db.timeout"));
        assertEquals(3306.0, config.getDouble("db.port"), "ints widen to doubles");
        assertEquals(0.001, config.getDouble("optimizer.lr"));
        assertTrue(config.getBoolean("db.ssl"));
        assertEquals(List.of("a", "b"), config.getList("db.hosts"));
        assertEquals(20, config.getInt("layers[1].size"));
        assertEquals(20, config.getInt("layers.1.size"));
        assertEquals(new StringValue("a"), config.get("db.hosts[0]"));
        assertEquals(10, config.getConfig("layers[0]").getInt("size"));
        assertEquals(ConfigValue.NullValue.INSTANCE, config.get("nothing"));
    }

    @Test
    void wrongTypesAndAbsentKeysNameThePath() {
        ConfigException type = assertThrows(ConfigException.class, () -> config.getInt("db.driver"));
        assertEquals("Value at 'db.driver' is a string, not an int", type.getMessage());
        assertEquals("db.driver", type.path());
        ConfigKeyException absent = assertThrows(ConfigKeyException.class, () -> config.getString("db.user"));
        assertEquals("Key 'user' is not in 'db' (full key: db.user)", absent.getMessage());
        assertThrows(ConfigKeyException.class, () -> config.get("layers[5]"));
        assertThrows(ConfigException.class, () -> config.get("db.port.x"));
        assertFalse(config.has("db.user"));
        assertTrue(config.find("db.user").isEmpty());
        ConfigException tooBig = assertThrows(ConfigException.class,
                () -> Config.of(Map.of("n", 1L << 40)).getInt("n"));
        assertTrue(tooBig.getMessage().contains("does not fit an int"));
    }

    @Test
    void missingValueFailsOnAccessNamingThePath() {
        assertTrue(config.has("db.password"));
        assertTrue(config.isMissing("db.password"));
        MissingValueException e = assertThrows(MissingValueException.class, () -> config.getString("db.password"));
        assertEquals("Missing mandatory value: db.password", e.getMessage());
        assertEquals("db.password", e.path());
        Config nested = yaml("model: ???\n");
        assertEquals("Missing mandatory value: model",
                assertThrows(MissingValueException.class, () -> nested.getInt("model.depth")).getMessage());
        Config inList = yaml("xs: [1, ???]\n");
        assertEquals("Missing mandatory value: xs[1]",
                assertThrows(MissingValueException.class, () -> inList.getList("xs")).getMessage());
        // reading the map that holds it is fine
        assertEquals(ConfigValue.MissingValue.INSTANCE, config.getConfig("db").root().get("password"));
    }

    @Test
    void structModeRefusesUnknownKeysUnlessAdded() {
        Config struct = config.asStruct();
        assertTrue(struct.isStruct());
        assertEquals(8, struct.change("db.port", 8).getInt("db.port"));
        ConfigKeyException unknown = assertThrows(ConfigKeyException.class, () -> struct.change("db.pool", 8));
        assertEquals("Key 'pool' is not in struct (full key: db.pool)", unknown.getMessage());
        assertThrows(ConfigKeyException.class, () -> struct.change("db", Map.of("pool", 8)),
                "a merged map may not bring new keys");
        assertEquals(8, struct.add("db.pool", 8).getInt("db.pool"));
        assertEquals(8, struct.add("cache.redis.pool", 8).getInt("cache.redis.pool"), "parents are created");
        assertEquals("An item is already at 'db.port'",
                assertThrows(ConfigKeyException.class, () -> struct.add("db.port", 1)).getMessage());
        Config forced = struct.forceAdd("db", Map.of("pool", 8, "port", 1));
        assertEquals(8, forced.getInt("db.pool"));
        assertEquals(1, forced.getInt("db.port"));
        assertEquals("mysql", forced.getString("db.driver"), "maps merge");
        assertEquals(8, config.change("db.pool", 8).getInt("db.pool"), "an open config takes new keys");
    }

    @Test
    void deleteRemovesKeysAndListItems() {
        Config deleted = config.delete("db.port").delete("layers[0]");
        assertFalse(deleted.has("db.port"));
        assertEquals(20, deleted.getInt("layers[0].size"));
        assertThrows(ConfigKeyException.class, () -> config.delete("db.nope"));
        assertThrows(IllegalArgumentException.class, () -> config.delete(""));
    }

    @Test
    void mergeFollowsHydraRules() {
        Config base = yaml("""
                a: {x: 1, y: [1, 2], z: {deep: 1}}
                b: 1
                keep: 5
                """);
        Config overlay = yaml("""
                a: {y: [3], z: {other: 2}, w: new}
                b: {now: map}
                keep: ???
                c: 3
                """);
        Config merged = base.merge(overlay);
        assertEquals(yaml("""
                a: {x: 1, y: [3], z: {deep: 1, other: 2}, w: new}
                b: {now: map}
                keep: 5
                c: 3
                """).toYaml(), merged.toYaml());
        assertEquals(List.of("a", "b", "keep", "c"), new ArrayList<>(merged.root().entries().keySet()),
                "keys keep their first position");
        assertThrows(ConfigKeyException.class, () -> base.asStruct().merge(overlay));
    }

    @Test
    void treesAreImmutableAndComparable() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("a", 1);
        Config c = Config.of(plain);
        plain.put("b", 2);
        assertFalse(c.has("b"));
        assertEquals(c, Config.of(Map.of("a", 1)));
        assertEquals(new MapValue(Map.of("a", new IntValue(1))), c.root());
        assertThrows(UnsupportedOperationException.class, () -> c.root().entries().put("x", new IntValue(1)));
        assertThrows(IllegalArgumentException.class, () -> ConfigValue.of(new Object()));
        assertThrows(IllegalArgumentException.class, () -> config.get("a..b"));
    }

    @Test
    void yamlOutputRoundTripsAndQuotesAmbiguousStrings() {
        Config c = Config.of(Map.of("s", Map.of("ten", "10", "yes", "yes", "t", "true", "e", "1e-3", "m", "???",
                "i", "${db.port}", "j", "${port}")));
        String text = c.toYaml();
        assertTrue(text.contains("ten: '10'"), text);
        assertTrue(text.contains("yes: yes"), text);
        assertTrue(text.contains("t: 'true'"), text);
        assertTrue(text.contains("e: '1e-3'"), text);
        assertTrue(text.contains("m: ???"), text);
        assertTrue(text.contains("i: ${db.port}"), text);
        assertEquals(c.root(), YamlLoader.loadConfig(text, "out.yaml"));
        assertEquals(config.root(), YamlLoader.loadConfig(config.toYaml(), "out.yaml"));
        assertEquals("db:\n  driver: mysql\n", Config.of(Map.of("db", Map.of("driver", "mysql"))).toYaml());
    }
}
