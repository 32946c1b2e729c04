package dev.osprey.optimizer.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    static Stream<Object> values() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", Arrays.asList(1L, null, Map.of("deep", List.of())));
        nested.put("a", Map.of());
        return Stream.of(null, true, false, "", "héllo ✓ 😀", "quote\" back\\ slash/ \n\r\t\b\f \u0001 \u001f",
                0L, -42L, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, -0.0, 1e-300, Double.MAX_VALUE, Double.MIN_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, List.of(), Map.of(),
                Arrays.asList(1L, 2.0, "3", null, true, List.of(Double.NaN)), nested);
    }

    @ParameterizedTest
    @MethodSource("values")
    void valuesSurviveARoundTrip(Object value) {
        String text = Json.write(value);
        assertEquals(value, Json.parse(text), text);
        assertEquals(text, Json.write(Json.parse(text)));
    }

    @Test
    void writesCompactJsonKeepingMapOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", List.of(true, 2.5, 3));
        map.put("a", null);
        assertEquals("{\"b\":[true,2.5,3],\"a\":null}", Json.write(map));
        assertEquals("[NaN,Infinity,-Infinity,1.0E-5]",
                Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-5)));
    }

    @Test
    void readsWhatPythonsJsonModuleWrites() {
        Object parsed = Json.parse("{\"a\": NaN, \"b\": -Infinity, \"c\": [1, 2.0, 1e-05, Infinity], \"d\": {}}");
        assertEquals(Map.of("a", Double.NaN, "b", Double.NEGATIVE_INFINITY,
                "c", List.of(1L, 2.0, 1e-5, Double.POSITIVE_INFINITY), "d", Map.of()), parsed);
    }

    @Test
    void integersBeyondLongAreReadAsDoubles() {
        assertEquals(1.2345678901234567e19, Json.parse("12345678901234567890"));
        assertEquals(List.of(-1e20), Json.parse("[-100000000000000000000]"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
    }

    @Test
    void escapesAreWrittenAndRead() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\"", Json.write("a\"b\\c\nd\te\u0001"));
        assertEquals("é/\b\f\r😀", Json.parse("\"\\u00e9\\/\\b\\f\\r\\ud83d\\ude00\""));
        assertEquals("ÉA", Json.parse("\"\\u00C9\\u0041\""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`` | 0 | a value",
            "`   ` | 3 | a value",
            "[1,2 | 4 | ']'",
            "`{\"a\" 1}` | 5 | ':'",
            "{a:1} | 1 | a string key",
            "`{\"a\":1,}` | 7 | a string key",
            "[1,] | 3 | a value",
            "tru | 0 | 'true'",
            "nul | 0 | 'null'",
            "1 2 | 2 | end of input",
            "`\"abc` | 4 | a closing quote",
            "`\"\\q\"` | 2 | an escape character",
            "`\"\\u12\"` | 3 | four hex digits",
            "`\"\\uZZZZ\"` | 3 | four hex digits",
            "`\"\\u+123\"` | 3 | four hex digits",
            "- | 0 | a value",
            "1.2.3 | 0 | a number",
            "@ | 0 | a value"})
    void errorsNameTheOffsetAndWhatWasExpected(String text, int offset, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().contains("offset " + offset + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + expected), e.getMessage());
    }

    @Test
    void normalizeMakesValuesStorable() {
        assertEquals(3L, Json.normalize(3));
        assertEquals(3L, Json.normalize((short) 3));
        assertEquals(0.5, Json.normalize(0.5f));
        assertEquals(Map.of("k", List.of(1L, 2.0)), Json.normalize(Map.of("k", List.of(1, 2.0f))));
        Object normalized = Json.normalize(new java.util.ArrayList<>(List.of(1)));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) normalized).add(2));
    }

    @Test
    void normalizeRejectsWhatJsonCannotHold() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> Json.normalize(List.of(new BigDecimal("1"))));
        assertTrue(type.getMessage().contains("java.math.BigDecimal"), type.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> Json.normalize(Map.of(1, "a")));
        assertTrue(key.getMessage().contains("keys must be strings"), key.getMessage());
    }
}
