package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatinHypercubeTest {

    private static final FloatDistribution UNIT = new FloatDistribution(0, 1, false, null);

    @Test
    void eachMemberOfTheFirstGenerationTakesItsOwnStratumOfEachParameter() {
        LatinHypercube lhs = new LatinHypercube(20);
        for (String name : List.of("x", "y")) {
            boolean[] hit = new boolean[20];
            for (int n = 0; n < 20; n++) {
                double v = lhs.value(5, n, name, UNIT);
                int stratum = (int) Math.floor(v * 20);
                assertFalse(hit[stratum], name + ": stratum " + stratum + " taken twice");
                hit[stratum] = true;
                assertEquals(v, new LatinHypercube(20).value(5, n, name, UNIT), "the same for any worker");
            }
        }
        assertTrue(lhs.value(5, 3, "x", UNIT) != lhs.value(5, 3, "y", UNIT), "each parameter has its own permutation");
        assertTrue(lhs.value(5, 3, "x", UNIT) != lhs.value(6, 3, "x", UNIT), "the seed draws them");
    }

    @Test
    void onlyNumericParametersOfGenerationZeroAreStratifiedWithinTheirBounds() {
        LatinHypercube lhs = new LatinHypercube(10);
        assertTrue(lhs.covers(9, UNIT));
        assertFalse(lhs.covers(10, UNIT), "later generations mutate at random");
        assertFalse(lhs.covers(0, CategoricalDistribution.of("a", "b")));
        IntDistribution ints = new IntDistribution(1, 4, false, 1);
        for (int n = 0; n < 10; n++) {
            double v = lhs.value(1, n, "k", ints);
            assertTrue(v >= 1 && v <= 4 && v == Math.rint(v), "value " + v);
        }
        FloatDistribution log = new FloatDistribution(1e-4, 1, true, null);
        int below = 0;
        for (int n = 0; n < 10; n++) {
            below += lhs.value(1, n, "lr", log) < 1e-2 ? 1 : 0;
        }
        assertEquals(5, below, "strata are even in log space");
    }
}
