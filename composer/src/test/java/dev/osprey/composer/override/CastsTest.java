package dev.osprey.composer.override;

import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
