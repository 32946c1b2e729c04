package dev.osprey.optimizer.sampler.tpe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TpeDefaultsTest {

    @Test
    void gammaIsTenPercentRoundedUpCappedAt25() {
        assertEquals(0, TpeDefaults.GAMMA.applyAsInt(0));
        assertEquals(1, TpeDefaults.GAMMA.applyAsInt(10));
        assertEquals(2, TpeDefaults.GAMMA.applyAsInt(11));
        assertEquals(10, TpeDefaults.GAMMA.applyAsInt(100));
        assertEquals(25, TpeDefaults.GAMMA.applyAsInt(10_000));
        assertEquals(3, TpeDefaults.HYPEROPT_GAMMA.applyAsInt(100));
    }

    @Test
    void weightsAreFlatBelow25AndRampTheOldestAbove() {
        assertArrayEquals(new double[] {1, 1, 1}, TpeDefaults.WEIGHTS.apply(3));
        double[] w = TpeDefaults.WEIGHTS.apply(30);
        assertEquals(30, w.length);
        assertEquals(1.0 / 30, w[0], 1e-15);
        assertEquals(1.0, w[4], 1e-15);
        assertEquals(1.0 / 30 + (1 - 1.0 / 30) * 2 / 4, w[2], 1e-15);
        for (int i = 5; i < 30; i++) {
            assertEquals(1.0, w[i]);
        }
    }
}
