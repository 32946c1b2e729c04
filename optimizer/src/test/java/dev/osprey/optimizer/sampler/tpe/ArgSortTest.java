package dev.osprey.optimizer.sampler.tpe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgSortTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 17, 1023, 1024, 5000})
    void mergeAndRadixGiveTheSameStableOrder(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            // negative, zero (both signs), duplicates and wide magnitudes
            keys[i] = switch (rng.nextInt(5)) {
                case 0 -> -rng.nextDouble() * 1e6;
                case 1 -> rng.nextBoolean() ? 0.0 : -0.0;
                case 2 -> Math.rint(rng.nextDouble() * 10);
                default -> rng.nextGaussian() * 1e-3;
            };
        }
        int[] merge = ArgSort.merge(keys, n);
        int[] radix = ArgSort.radix(keys, n);
        assertArrayEquals(merge, radix);
        for (int i = 1; i < n; i++) {
            double a = keys[merge[i - 1]];
            double b = keys[merge[i]];
            assertTrue(a < b || (a == b && merge[i - 1] < merge[i]), "sorted and stable at " + i);
        }
    }
}
