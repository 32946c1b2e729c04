package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The test functions against the check values of {@code baselines/README.md}. */
class TestFunctionsTest {

    @Test
    void braninHasItsCheckValueAtAMinimum() {
        assertEquals(0.39788735772973816, TestFunctions.branin(Math.PI, 2.275), 1e-15);
        assertEquals(TestFunctions.BRANIN_MIN, TestFunctions.branin(Math.PI, 2.275), 1e-12);
    }

    @Test
    void rosenbrock5IsFourAtTheOrigin() {
        assertEquals(4.0, TestFunctions.rosenbrock(0, 0, 0, 0, 0), 0.0);
        assertEquals(0.0, TestFunctions.rosenbrock(1, 1, 1, 1, 1), 0.0);
    }

    @Test
    void syntheticTrainHasItsCheckValueAndItsMinimum() {
        assertEquals(0.8784438775510203, TestFunctions.syntheticTrain(1e-2, 2, 64, "sgd", 0), 1e-15);
        assertEquals(0.0, TestFunctions.syntheticTrain(1e-3, 4, 128, "adam", 0.2), 1e-15);
    }

    @Test
    void braninGridHasTenValuesPerAxisEndsIncluded() {
        List<Double> x0 = TestFunctions.all().get(0).grid().get("x0");
        assertEquals(10, x0.size());
        assertEquals(-5.0, x0.get(0), 0.0);
        assertEquals(10.0, x0.get(9), 0.0);
        assertEquals(-5.0 + 15.0 / 9, x0.get(1), 1e-15);
    }

    @Test
    void percentilesInterpolateLinearlyAsNumpyDoes() {
        double[] xs = {4, 1, 3, 2};
        assertEquals(2.5, Stats.median(xs), 0.0);
        assertEquals(1.75, Stats.percentile(xs, 25), 1e-15);
        assertEquals(3.25, Stats.percentile(xs, 75), 1e-15);
    }
}
