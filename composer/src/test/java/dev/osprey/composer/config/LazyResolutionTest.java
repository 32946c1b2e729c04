package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigException;
import dev.osprey.composer.value.ConfigValue.StringValue;
import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed reads resolve interpolations when they read them; the tree keeps what was written. */
class LazyResolutionTest {

    private static Config yaml(String text) {
        return Config.of(YamlLoader.loadConfig(text, "test.yaml"));
    }

    private static Resolvers runtime(Map<String, ?> values) {
        return Resolvers.standard(Map.of("USER", "ana")::get,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), values);
    }

    @Test
    void gettersResolveWhileTheTreeKeepsTheInterpolations() {
        Config c = yaml("""
                a: ${b.c}
                b: {c: 2, d: 0.5, on: true}
                name: n_${b.c}
                ratio: ${b.d}
                flag: ${b.on}
                items: [x, '${name}']
                """);
        assertEquals(2, c.getInt("a"));
        assertEquals(2L, c.getLong("a"));
        assertEquals("n_2", c.getString("name"));
        assertEquals(0.5, c.getDouble("ratio"));
        assertTrue(c.getBoolean("flag"));
        assertEquals(List.of("x", "n_2"), c.getList("items"));
        assertEquals(new StringValue("${b.c}"), c.find("a").orElseThrow(), "the raw tree is kept");
        assertTrue(c.toYaml().contains("a: ${b.c}"), c.toYaml());
        assertFalse(c.isResolved());
    }

    @Test
    void aPathMayLeadThroughAnInterpolatedNode() {
        Config c = yaml("a: ${b}\nb: {x: 5}\n");
        assertEquals(5, c.getInt("a.x"));
        ConfigKeyException e = assertThrows(ConfigKeyException.class, () -> c.get("a.y"));
        assertEquals("Key 'a.y' not found (the path leads through the interpolation at 'a')", e.getMessage());
        assertEquals("Cannot read 'y' from the int value at 'n'",
                assertThrows(ConfigException.class, () -> yaml("n: 1\n").get("n.y")).getMessage());
        assertThrows(ConfigKeyException.class, () -> c.get("zz"));
    }

    @Test
    void getConfigResolvesReferencesThatLeaveTheSubtree() {
        Config c = yaml("db: {url: 'jdbc:${host}:${.port}', port: 5432}\nhost: h\n");
        Config db = c.getConfig("db");
        assertEquals("jdbc:h:5432", db.getString("url"));
        assertEquals(new StringValue("jdbc:h:5432"), db.root().get("url"));
    }

    @Test
    void onlyWhatIsReadIsResolved() {
        Config c = yaml("ok: 1\nbroken: ${nope}\n");
        assertEquals(1, c.getInt("ok"));
        InterpolationException e = assertThrows(InterpolationException.class, () -> c.getString("broken"));
        assertEquals("Interpolation '${nope}' at 'broken': key 'nope' not found", e.getMessage());
        assertThrows(MissingValueException.class, () -> yaml("m: ???\nr: ${m}\n").get("m"));
    }

    @Test
    void runtimeValuesComeFromTheResolversTheConfigIsGiven() {
        Config c = yaml("job: ${osprey:job.num}\ndir: ${osprey:output_dir}/ckpt\n");
        InterpolationException unset = assertThrows(InterpolationException.class, () -> c.getInt("job"));
        assertTrue(unset.getMessage().contains("the runtime value 'job.num' is not set"), unset.getMessage());
        Config job = c.withResolvers(runtime(Map.of("job.num", 3, "output_dir", "/runs/3")));
        assertEquals(3, job.getInt("job"));
        assertEquals("/runs/3/ckpt", job.getString("dir"));
        assertEquals(3, job.change("dir", "x").getInt("job"), "changes keep the resolvers");
    }

    @Test
    void aResolvedConfigIsFinalAndWritesItsLiteralTextEscaped() {
        Config raw = yaml("seed: 7\ntext: 'literal \\${seed} and ${seed}'\n");
        Config resolved = raw.resolve();
        assertTrue(resolved.isResolved());
        assertEquals("literal ${seed} and 7", resolved.getString("text"), "a read does not resolve again");
        assertSame(resolved, resolved.resolve(), "resolving twice changes nothing");
        assertTrue(resolved.toYaml().contains("\\${seed} and 7"), resolved.toYaml());
        Config reloaded = yaml(resolved.toYaml());
        assertEquals("literal ${seed} and 7", reloaded.getString("text"), "the written file reads back the same");
        assertEquals("literal ${seed} and 7", resolved.change("seed", 8).getString("text"));
    }

    @Test
    void runtimeCopiesShareTheTimeOfTheirRegistry() {
        Clock ticking = new Clock() {
            private int calls;

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-03-04T00:00:00Z").plusSeconds(3600L * calls++);
            }
        };
        Resolvers sweep = Resolvers.standard(name -> null, ticking, Map.of());
        Config c = yaml("at: ${now:HH}\njob: ${osprey:job.num}\n");
        Config job0 = c.withResolvers(sweep.withRuntimeValues(Map.of("job.num", 0))).resolve();
        Config job1 = c.withResolvers(sweep.withRuntimeValues(Map.of("job.num", 1))).resolve();
        assertEquals("00", job0.getString("at"));
        assertEquals("00", job1.getString("at"), "every job of the sweep sees the same time");
        assertEquals(1, job1.getInt("job"));
        Config other = c.withResolvers(Resolvers.standard(name -> null, ticking, Map.of("job.num", 0))).resolve();
        assertEquals("01", other.getString("at"), "another registry reads the clock again");
    }
}
