package dev.osprey.composer.yaml;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.BoolValue;
import dev.osprey.composer.value.ConfigValue.FloatValue;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.StringValue;
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

class YamlLoaderTest {

    private static MapValue load(String text) {
        return YamlLoader.loadConfig(text, "conf/test.yaml");
    }

    @Test
    void coreSchemaTyping() {
        MapValue m = load("""
                lr: 1e-3
                big: 1.5E+3
                yes_is_text: yes
                on_is_text: on
                y: y
                t: True
                leading_zero: 010
                hex: 0x1F
                octal: 0o17
                neg: -7
                inf: .inf
                nan: .NaN
                tilde: ~
                empty:
                quoted: '10'
                missing: ???
                interp: ${a.b}
                word: ${nope}
                env_like: ${HOME:-x}
                """);
        assertEquals(new FloatValue(0.001), m.get("lr"));
        assertEquals(new FloatValue(1500), m.get("big"));
        assertEquals(new StringValue("yes"), m.get("yes_is_text"));
        assertEquals(new StringValue("on"), m.get("on_is_text"));
        assertEquals(new StringValue("y"), m.get("y"));
        assertEquals(new BoolValue(true), m.get("t"));
        assertEquals(new IntValue(10), m.get("leading_zero"));
        assertEquals(new IntValue(31), m.get("hex"));
        assertEquals(new IntValue(15), m.get("octal"));
        assertEquals(new IntValue(-7), m.get("neg"));
        assertEquals(new FloatValue(Double.POSITIVE_INFINITY), m.get("inf"));
        assertTrue(Double.isNaN(((FloatValue) m.get("nan")).value()));
        assertEquals(ConfigValue.NullValue.INSTANCE, m.get("tilde"));
        assertEquals(ConfigValue.NullValue.INSTANCE, m.get("empty"));
        assertEquals(new StringValue("10"), m.get("quoted"));
        assertEquals(ConfigValue.MissingValue.INSTANCE, m.get("missing"));
        assertEquals(new StringValue("${a.b}"), m.get("interp"));
        assertEquals(new StringValue("${nope}"), m.get("word"));
        assertEquals(new StringValue("${HOME:-x}"), m.get("env_like"));
        assertEquals(List.of("lr", "big", "yes_is_text"), m.entries().keySet().stream().limit(3).toList(),
                "insertion order");
    }

    @Test
    void emptyDocumentsAndAnchors() {
        assertEquals(MapValue.EMPTY, load(""));
        assertEquals(MapValue.EMPTY, load("# only a comment\n"));
        Config c = Config.of(load("base: &b {x: 1}\nuse: *b\n"));
        assertEquals(1, c.getInt("use.x"));
    }

    @Test
    void duplicateKeysAreErrorsWithPosition() {
        YamlLoadException e = assertThrows(YamlLoadException.class, () -> load("""
                db:
                  port: 1
                  port: 2
                """));
        assertEquals("conf/test.yaml:3:3: duplicate key 'port' (first at line 2, column 3)", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertEquals("conf/test.yaml", e.source());
    }

    @Test
    void syntaxErrorsNameFileLineAndColumnInOneParagraph() {
        YamlLoadException e = assertThrows(YamlLoadException.class, () -> load("a: 1\nb: [1, 2\nc: 3\n"));
        assertTrue(e.getMessage().startsWith("conf/test.yaml:"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        YamlLoadException bad = assertThrows(YamlLoadException.class, () -> load("a: b: c\n"));
        assertEquals(1, bad.line());
        assertEquals(5, bad.column());
        assertTrue(bad.getMessage().startsWith("conf/test.yaml:1:5: mapping values are not allowed here"),
                bad.getMessage());
    }

    @Test
    void structuralErrorsNameTheirPosition() {
        assertEquals("conf/test.yaml:1:1: a config must be a mapping at the top level, not a sequence",
                assertThrows(YamlLoadException.class, () -> load("- a\n- b\n")).getMessage());
        assertEquals("conf/test.yaml:2:6: unsupported tag !custom",
                assertThrows(YamlLoadException.class, () -> load("a: 1\nb:   !custom x\n")).getMessage());
        assertTrue(assertThrows(YamlLoadException.class, () -> load("n: 99999999999999999999\n")).getMessage()
                .startsWith("conf/test.yaml:1:4: integer 99999999999999999999 is out of the 64-bit range"));
        assertTrue(assertThrows(YamlLoadException.class, () -> load("? [a]\n: 1\n")).getMessage()
                .startsWith("conf/test.yaml:1:"));
        assertTrue(assertThrows(YamlLoadException.class, () -> load("a: 1\n---\nb: 2\n")).getMessage()
                .startsWith("conf/test.yaml:"));
    }

    @Test
    void controlCharactersAreErrorsWithPosition() {
        YamlLoadException e = assertThrows(YamlLoadException.class, () -> load("a: 1\nb: x\u0001y\n"));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("conf/test.yaml:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("U+0001"), e.getMessage());
    }

    @Test
    void filesAreNamedInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "ok: 1\nkey: [unclosed\n");
        YamlLoadException e = assertThrows(YamlLoadException.class, () -> YamlLoader.loadConfig(file));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "\uFEFFok: 1\n");
        assertEquals(1, Config.of(YamlLoader.loadConfig(good)).getInt("ok"));
    }
}
