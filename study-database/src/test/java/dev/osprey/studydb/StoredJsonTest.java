package dev.osprey.studydb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON text of stored values: round trips, Python's tokens for non-finite numbers, errors. */
class StoredJsonTest {

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
        String text = StoredJson.write(value);
        assertEquals(value, StoredJson.parse(text), text);
        assertEquals(text, StoredJson.write(StoredJson.parse(text)));
    }

    @Test
    void writesCompactJsonKeepingMapOrderAndPythonsTokens() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", List.of(true, 2.5, 3));
        map.put("a", null);
        assertEquals("{\"b\":[true,2.5,3],\"a\":null}", StoredJson.write(map));
        assertEquals("[NaN,Infinity,-Infinity,1.0E-5]",
                StoredJson.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-5)));
    }

    @Test
    void readsWhatPythonsJsonModuleWrites() {
        Object parsed = StoredJson.parse("{\"a\": NaN, \"b\": -Infinity, \"c\": [1, 2.0, 1e-05, Infinity], \"d\": {}}");
        assertEquals(Map.of("a", Double.NaN, "b", Double.NEGATIVE_INFINITY,
                "c", List.of(1L, 2.0, 1e-5, Double.POSITIVE_INFINITY), "d", Map.of()), parsed);
    }

    @Test
    void integersBeyondLongAreReadAsDoubles() {
        assertEquals(1.2345678901234567e19, StoredJson.parse("12345678901234567890"));
        assertEquals(List.of(-1e20), StoredJson.parse("[-100000000000000000000]"));
        assertEquals(Long.MIN_VALUE, StoredJson.parse("-9223372036854775808"));
    }

    @Test
    void escapesAreRead() {
        assertEquals("é/\b\f\r😀", StoredJson.parse("\"\\u00e9\\/\\b\\f\\r\\ud83d\\ude00\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1,2", "{\"a\" 1}", "{a:1}", "[1,]", "tru", "1 2", "\"abc", "\"\\q\"", "\"\\u12\"", "@"})
    void malformedTextIsRejectedWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredJson.parse(text));
        assertTrue(e.getMessage().startsWith("not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(": " + text), e.getMessage());
    }
}
