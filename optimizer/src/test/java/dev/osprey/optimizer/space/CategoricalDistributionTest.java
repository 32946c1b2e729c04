package dev.osprey.optimizer.space;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoricalDistributionTest {

    @Test
    void integralNumbersOfAnyTypeAreTheSameChoice() {
        CategoricalDistribution ints = CategoricalDistribution.of(1, (short) 2, (byte) 3);
        CategoricalDistribution longs = CategoricalDistribution.of(1L, 2L, 3L);
        assertEquals(longs, ints);
        assertEquals(longs.hashCode(), ints.hashCode());
        assertEquals(List.of(1L, 2L, 3L), ints.choices());
        assertEquals(0, ints.indexOf(1));
        assertEquals(0, ints.indexOf(1L));
        assertEquals(1, ints.indexOf((short) 2));
        assertEquals(CategoricalDistribution.of(0.5), CategoricalDistribution.of(0.5f));
    }

    @Test
    void choicesKeepTheirOrderAndTypes() {
        CategoricalDistribution d = new CategoricalDistribution(Arrays.asList("a", null, true, 2.5, 7));
        assertEquals(Arrays.asList("a", null, true, 2.5, 7L), d.choices());
        assertEquals(1, d.indexOf(null));
        assertEquals(2, d.indexOf(true));
        assertEquals(-1, d.indexOf(false));
        assertEquals(-1, d.indexOf(new Object()));
        assertEquals(4.0, d.toInternal(7));
        assertEquals(7L, d.toExternal(4));
        assertEquals(null, d.toExternal(1));
        assertThrows(UnsupportedOperationException.class, () -> d.choices().add("b"));
    }

    @Test
    void duplicateChoicesAreRejectedNamingTheDuplicate() {
        for (List<?> choices : List.<List<?>>of(List.<Object>of("a", "b", "a"), List.<Object>of(1, 1L),
                Arrays.asList(null, "x", null), List.<Object>of(true, true))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CategoricalDistribution(new ArrayList<>(choices)), choices::toString);
            assertTrue(e.getMessage().contains("distinct") && e.getMessage().contains("twice"), e.getMessage());
        }
    }

    @Test
    void emptyOrUnsupportedChoicesAreRejected() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalDistribution(List.of()));
        assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> CategoricalDistribution.of("a", List.of(1)));
        assertTrue(list.getMessage().contains("strings, numbers, booleans or null"), list.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CategoricalDistribution.of(new BigDecimal("1.5")));
    }

    @Test
    void containsOnlyChoiceIndices() {
        CategoricalDistribution d = CategoricalDistribution.of("a", "b", "c");
        assertTrue(d.contains(0) && d.contains(2));
        assertTrue(!d.contains(3) && !d.contains(-1) && !d.contains(0.5) && !d.contains(Double.NaN));
        assertTrue(CategoricalDistribution.of("only").isSingle());
        assertTrue(!d.isSingle());
    }
}
