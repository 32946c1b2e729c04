package dev.osprey.optimizer.space;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FloatDistributionTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments(2.0, 1.0, false, null, new String[] {"low <= high", "low=2.0", "high=1.0"}),
                arguments(Double.NaN, 1.0, false, null, new String[] {"finite", "low=NaN"}),
                arguments(0.0, Double.POSITIVE_INFINITY, false, null, new String[] {"finite", "high=Infinity"}),
                arguments(Double.NEGATIVE_INFINITY, 0.0, false, null, new String[] {"finite", "-Infinity"}),
                arguments(0.0, 1.0, true, null, new String[] {"log", "low > 0", "low=0.0"}),
                arguments(-1.0, 1.0, true, null, new String[] {"log", "low > 0", "low=-1.0"}),
                arguments(0.1, 1.0, true, 0.1, new String[] {"log", "step", "0.1"}),
                arguments(0.0, 1.0, false, 0.0, new String[] {"step", "positive", "0.0"}),
                arguments(0.0, 1.0, false, -0.5, new String[] {"step", "positive", "-0.5"}),
                arguments(0.0, 1.0, false, Double.NaN, new String[] {"step", "NaN"}),
                arguments(0.0, 1.0, false, Double.POSITIVE_INFINITY, new String[] {"step", "Infinity"}));
    }

    @ParameterizedTest(name = "low={0} high={1} log={2} step={3}")
    @MethodSource("invalid")
    void invalidRangesAreRejectedNamingTheRuleAndTheValue(double low, double high, boolean log, Double step,
                                                          String[] fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloatDistribution(low, high, log, step));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "[{0}, {1}] step {2} -> high {3}")
    @CsvSource({
            "0, 1, 0.3, 0.9",
            "0.1, 0.75, 0.2, 0.7",
            "0, 1, 0.1, 1.0",
            "-1, 1, 0.25, 1.0",
            "-2.5, 0.5, 0.7, 0.3",
            "0, 0.3, 0.1, 0.3",
            "1, 1, 0.5, 1.0"})
    void aStepThatDoesNotDivideTheRangeLowersHighInExactDecimal(double low, double high, double step,
                                                                 double expectedHigh) {
        FloatDistribution d = new FloatDistribution(low, high, false, step);
        assertEquals(expectedHigh, d.high());
        assertEquals(low, d.low());
        assertEquals(step, d.step());
    }

    @Test
    void containsChecksBoundsAndGrid() {
        FloatDistribution plain = Distribution.floats(0, 1);
        assertTrue(plain.contains(0) && plain.contains(1) && plain.contains(0.5));
        assertTrue(!plain.contains(-1e-12) && !plain.contains(Math.nextUp(1.0)) && !plain.contains(Double.NaN));

        FloatDistribution stepped = Distribution.steppedFloats(0, 1, 0.1);
        assertTrue(stepped.contains(0.1 + 0.2), "0.30000000000000004 is the grid point 0.3");
        assertTrue(stepped.contains(1.0));
        assertTrue(!stepped.contains(0.35) && !stepped.contains(1.1));

        FloatDistribution log = Distribution.logFloats(1e-3, 1);
        assertTrue(log.contains(1e-3) && log.contains(0.5));
        assertTrue(!log.contains(0) && !log.contains(9.99e-4));
    }

    @Test
    void externalValuesAreDoubles() {
        FloatDistribution d = Distribution.floats(0, 10);
        assertEquals(3.0, d.toInternal(3));
        assertEquals(2.5, d.toInternal(2.5f));
        assertEquals(2.5, d.toExternal(2.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.toInternal("3"));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void singleWhenLowEqualsHigh() {
        assertTrue(Distribution.floats(2, 2).isSingle());
        assertTrue(!Distribution.floats(2, 3).isSingle());
        assertTrue(new FloatDistribution(0, 0.05, false, 0.1).isSingle(), "a step wider than the range leaves low");
    }
}
