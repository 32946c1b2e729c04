package dev.osprey.optimizer.space;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainValuesTest {

    @Test
    void numbersBecomeLongsOrDoubles() {
        assertEquals(3L, PlainValues.normalize(3));
        assertEquals(3L, PlainValues.normalize((short) 3));
        assertEquals(3L, PlainValues.normalize((byte) 3));
        assertEquals(0.5, PlainValues.normalize(0.5f));
        assertEquals(Long.MIN_VALUE, PlainValues.normalize(BigInteger.valueOf(Long.MIN_VALUE)));
        assertEquals(1.2345678901234567e19, PlainValues.normalize(new BigInteger("12345678901234567890")));
    }

    @Test
    void listsAndMapsAreUnmodifiableCopiesOfPlainValues() {
        assertEquals(Map.of("k", List.of(1L, 2.0)), PlainValues.normalize(Map.of("k", List.of(1, 2.0f))));
        List<Object> source = new ArrayList<>(List.of(1));
        Object normalized = PlainValues.normalize(source);
        source.add(2);
        assertEquals(List.of(1L), normalized);
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) normalized).clear());
    }

    @Test
    void whatCannotBeStoredIsNamed() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> PlainValues.normalize(List.of(new BigDecimal("1"))));
        assertTrue(type.getMessage().contains("java.math.BigDecimal cannot be stored"), type.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> PlainValues.normalize(Map.of(1, "a")));
        assertTrue(key.getMessage().contains("keys of a stored value must be strings"), key.getMessage());
    }
}
