package dev.osprey.composer.override;

import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Casts of sweeps and of numbers, as Hydra 1.3.2 does them. */
class CastsTest {

    private static Value value(String override) {
        return Overrides.parse(override).value();
    }

    @Test
    void castOfAnIntervalKeepsItsTags() {
        IntervalSweep floats = (IntervalSweep) value("x=float(tag(log,interval(1,10)))");
        assertEquals(Set.of("log"), floats.tags());
        IntervalSweep ints = (IntervalSweep) value("x=int(tag(log,interval(1,10)))");
        assertEquals(Set.of("log"), ints.tags());
        assertTrue(ints.isIntInterval());
    }

    @Test
    void castOfAChoiceOrRangeDropsItsTagsAsHydraDoes() {
        assertEquals(Set.of(), ((ChoiceSweep) value("x=str(tag(a,choice(1,2)))")).tags());
        RangeSweep range = (RangeSweep) value("x=int(shuffle(tag(a,range(1,4))))");
        assertEquals(Set.of(), range.tags());
        assertEquals(false, range.shuffle());
    }

    @Test
    void intOfALargeFloatIsTheExactIntegerOfThatFloat() {
        // Python's int(1e300) is the float's exact binary value, not a clamped or wrapped long
        assertEquals(new BigInteger("100000000000000000000"), ((IntValue) value("x=int(1e20)")).value());
        assertEquals(new BigDecimal(1.5e308).toBigIntegerExact(), ((IntValue) value("x=int(1.5e308)")).value());
        assertEquals(new BigInteger("9223372036854775808"), ((IntValue) value("x=int(float(9223372036854775807))")).value());
        assertEquals(1.2345678901234568e29, ((FloatValue) value("x=float(123456789012345678901234567890)")).value());
        assertEquals("OverflowError while evaluating 'float(1" + "0".repeat(400) + ")': int too large to convert to float",
                assertThrows(OverrideParseException.class, () -> value("x=float(1" + "0".repeat(400) + ")")).reason());
    }

    @Test
    void boolBoundsOfSweepsCastLikeTheIntsTheyStandFor() {
        assertEquals(List.of("1", "0"), Overrides.parse("x=int(choice(true,false))").sweepStrings(new Random(1)));
        assertEquals(List.of("1.0", "2.0"), Overrides.parse("x=float(range(true,3))").sweepStrings(new Random(1)));
        IntervalSweep interval = (IntervalSweep) value("x=int(interval(true,false))");
        assertEquals(List.of(1.0, 0.0), List.of(interval.start().doubleValue(), interval.end().doubleValue()));
        assertTrue(interval.isIntInterval());
        assertEquals("ValueError while evaluating 'bool(interval(0,1))': Intervals cannot be cast to bool",
                assertThrows(OverrideParseException.class, () -> value("x=bool(interval(0,1))")).reason());
        assertEquals("ValueError while evaluating 'bool(range(0,2))': Range can only be cast to int or float",
                assertThrows(OverrideParseException.class, () -> value("x=bool(range(0,2))")).reason());
    }
}
