package dev.osprey.optimizer.sampler.gp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpObservationsTest {

    @Test
    void standardisingKeepsTheOrderAndGivesMeanZeroAndUnitDeviation() {
        double[] y = {-1e5, -3, -2.5, -1, -40, -7e3};
        double[] out = GpObservations.standardise(y);
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                assertEquals(Double.compare(y[i], y[j]), Double.compare(out[i], out[j]), "order of " + i + ", " + j);
            }
        }
        double mean = java.util.Arrays.stream(out).average().orElseThrow();
        double var = java.util.Arrays.stream(out).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertEquals(0, mean, 1e-12);
        assertEquals(1, var, 1e-12);
        // the warp compresses the far-off trial: it sits less than 3 deviations below the mean
        assertTrue(out[0] > -3, "the worst value after the warp: " + out[0]);
    }

    @Test
    void infinitiesAreClippedToTheFiniteExtremesAndConstantsGiveZeros() {
        double[] out = GpObservations.standardise(new double[] {Double.NEGATIVE_INFINITY, -2, -1, Double.POSITIVE_INFINITY});
        assertEquals(out[0], out[1], 0, "-inf counts as the worst finite value");
        assertEquals(out[2], out[3], 0, "+inf counts as the best finite value");
        assertArrayEquals(new double[3], GpObservations.standardise(new double[] {4, 4, 4}));
        assertArrayEquals(new double[2], GpObservations.standardise(new double[] {Double.NaN, Double.POSITIVE_INFINITY}));
    }
}
