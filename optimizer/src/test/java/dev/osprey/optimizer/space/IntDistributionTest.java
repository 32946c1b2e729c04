package dev.osprey.optimizer.space;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntDistributionTest {

    @ParameterizedTest(name = "low={0} high={1} log={2} step={3}")
    @CsvSource(delimiter = '|', value = {
            "5 | 1 | false | 1 | low <= high;low=5;high=1",
            "0 | 10 | false | 0 | step;at least 1;0",
            "0 | 10 | false | -2 | step;at least 1;-2",
            "1 | 100 | true | 2 | log;step 1;step=2",
            "0 | 100 | true | 1 | log;low >= 1;low=0",
            "-5 | 100 | true | 1 | log;low >= 1;low=-5"})
    void invalidRangesAreRejectedNamingTheRuleAndTheValue(int low, int high, boolean log, int step, String fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IntDistribution(low, high, log, step));
        for (String fragment : fragments.split(";")) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}..{1} step {2} -> high {3}")
    @CsvSource({"0, 10, 3, 9", "1, 10, 3, 10", "-7, 7, 5, 3", "0, 2, 5, 0", "-2147483648, 2147483647, 2, 2147483646"})
    void aStepThatDoesNotDivideTheRangeLowersHigh(int low, int high, int step, int expectedHigh) {
        IntDistribution d = new IntDistribution(low, high, false, step);
        assertEquals(expectedHigh, d.high());
        assertEquals(low, d.low());
    }

    @Test
    void containsChecksBoundsGridAndIntegrality() {
        IntDistribution d = new IntDistribution(0, 10, false, 2);
        assertTrue(d.contains(0) && d.contains(4) && d.contains(10));
        assertTrue(!d.contains(5) && !d.contains(4.5) && !d.contains(12) && !d.contains(-2) && !d.contains(Double.NaN));
        IntDistribution wide = Distribution.ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertTrue(wide.contains(Integer.MIN_VALUE) && wide.contains(Integer.MAX_VALUE));
    }

    @Test
    void externalValuesAreIntegers() {
        IntDistribution d = Distribution.ints(0, 10);
        assertEquals(3, d.toExternal(3.0));
        assertEquals(3.0, d.toInternal(3L));
        assertEquals(3.0, d.toInternal(3.0));
        assertThrows(IllegalArgumentException.class, () -> d.toInternal(2.5));
        assertThrows(IllegalArgumentException.class, () -> d.toInternal("2"));
    }
}
