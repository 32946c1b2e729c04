package dev.osprey.optimizer.sampler.qmc;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaltonSequenceTest {

    @Test
    void basesAreTheFirstPrimes() {
        assertArrayEquals(new int[] {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31}, HaltonSequence.primes(11));
        assertArrayEquals(new int[] {2, 3, 5}, HaltonSequence.plain(3).bases());
    }

    @Test
    void unscrambledPointsAreRadicalInverses() {
        HaltonSequence halton = HaltonSequence.plain(3);
        assertArrayEquals(new double[] {0, 0, 0}, halton.point(0), 0.0);
        assertArrayEquals(new double[] {0.5, 1.0 / 3, 0.2}, halton.point(1), 1e-15);
        // 11 = 1011 in base 2, 102 in base 3, 21 in base 5: digits mirrored about the point
        assertArrayEquals(new double[] {0.8125, 2.0 / 3 + 0 + 1.0 / 27, 1.0 / 5 * 1 + 2.0 / 25}, halton.point(11), 1e-15);
    }

    @Test
    void scrambledPointsStayInTheUnitIntervalAndStratifiedInEachBase() {
        HaltonSequence halton = HaltonSequence.scrambled(3, new SplittableRandom(5));
        int[] bases = {2, 3, 5};
        int[] powers = {8, 5, 3};
        for (int j = 0; j < 3; j++) {
            int count = (int) Math.pow(bases[j], powers[j]);
            Set<Integer> cells = new HashSet<>();
            for (int k = 0; k < count; k++) {
                double x = halton.point(k)[j];
                assertTrue(x >= 0 && x < 1, "coordinate " + x);
                cells.add((int) Math.floor(x * count));
            }
            assertEquals(count, cells.size(), "the first " + count + " points fill every cell of base " + bases[j]);
        }
    }
}
