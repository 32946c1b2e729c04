package dev.osprey.optimizer.sampler.cmaes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CMA-ES model, asked and told directly on the unit cube. */
class CmaEvolutionTest {

    private static double sphere(double[] x) {
        double s = 0;
        for (double v : x) {
            s += (v - 0.3) * (v - 0.3);
        }
        return s;
    }

    /** An ellipsoid rotated by 45 degrees in each pair of coordinates, so that its axes are not the coordinates. */
    private static double rotatedEllipsoid(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = (x[i] - 0.4 + x[i + 1] - 0.4) / Math.sqrt(2);
            double b = (x[i] - x[i + 1]) / Math.sqrt(2);
            s += a * a + 100 * b * b;
        }
        return s;
    }

    private static double run(CmaEvolution model, ToDoubleFunction<double[]> f, int generations, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double best = Double.POSITIVE_INFINITY;
        for (int g = 0; g < generations; g++) {
            double[][] xs = new double[model.popsize][];
            double[] ys = new double[model.popsize];
            for (int k = 0; k < model.popsize; k++) {
                xs[k] = model.ask(rng);
                ys[k] = f.applyAsDouble(xs[k]);
                best = Math.min(best, ys[k]);
            }
            model.tell(xs, ys);
        }
        return best;
    }

    private static CmaEvolution model(int n, boolean separable, boolean lrAdapt) {
        double[] mean = new double[n];
        Arrays.fill(mean, 0.5);
        return new CmaEvolution(mean, 1.0 / 6, null, 4 + (int) Math.floor(3 * Math.log(n)), separable, lrAdapt);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fullCovarianceConvergesOnTheSphere(long seed) {
        assertTrue(run(model(5, false, false), CmaEvolutionTest::sphere, 150, seed) < 1e-10);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fullCovarianceLearnsARotatedEllipsoid(long seed) {
        CmaEvolution model = model(4, false, false);
        assertTrue(run(model, CmaEvolutionTest::rotatedEllipsoid, 250, seed) < 1e-10);
        assertTrue(Math.abs(model.cov[0][1]) > 0.1 * Math.sqrt(model.cov[0][0] * model.cov[1][1]),
                "the covariance correlates the rotated coordinates: " + Arrays.deepToString(model.cov));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void separableCmaKeepsTheCovarianceDiagonalAndStillConverges(long seed) {
        CmaEvolution model = model(6, true, false);
        assertTrue(run(model, CmaEvolutionTest::sphere, 200, seed) < 1e-10);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (i != j) {
                    assertEquals(0.0, model.cov[i][j], "cov[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void learningRateAdaptationLowersTheRatesOnANoisyObjectiveAndStillApproachesTheOptimum() {
        CmaEvolution model = model(4, false, true);
        SplittableRandom noise = new SplittableRandom(9);
        run(model, x -> sphere(x) + 0.05 * noise.nextGaussian(), 300, 4);
        LearningRateAdaptation lra = lraOf(model);
        assertTrue(lra.etaMean() < 1 || lra.etaSigma() < 1, "a rate went down: " + lra.etaMean() + ", " + lra.etaSigma());
        assertTrue(sphere(model.mean) < 0.02, "mean " + Arrays.toString(model.mean));
    }

    @Test
    void learningRateAdaptationConvergesOnTheNoiselessSphere() {
        CmaEvolution model = model(4, false, true);
        assertTrue(run(model, CmaEvolutionTest::sphere, 200, 5) < 1e-8);
    }

    @Test
    void aFlatObjectiveStopsTheRun() {
        CmaEvolution model = model(3, false, false);
        run(model, x -> 1.0, 40, 1);
        assertTrue(model.shouldStop());
        CmaEvolution fresh = model(3, false, false);
        run(fresh, CmaEvolutionTest::sphere, 5, 1);
        assertTrue(!fresh.shouldStop());
    }

    @Test
    void pointsStayInTheUnitCubeEvenFromAMeanOnItsCorner() {
        CmaEvolution model = new CmaEvolution(new double[] {0, 1, 0}, 2, null, 6, false, false);
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < 200; k++) {
            for (double v : model.ask(rng)) {
                assertTrue(v >= 0 && v <= 1, "coordinate " + v);
            }
        }
    }

    @Test
    void aCopyEvolvesIndependently() {
        CmaEvolution model = model(3, false, false);
        run(model, CmaEvolutionTest::sphere, 3, 1);
        CmaEvolution copy = model.copy();
        run(model, CmaEvolutionTest::sphere, 3, 1);
        assertEquals(3, copy.generation());
        assertEquals(6, model.generation());
    }

    @Test
    void oneDimensionIsRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new CmaEvolution(new double[] {0.5}, 0.1, null, 4, false, false)).getMessage().contains("2 dimensions"));
    }

    private static LearningRateAdaptation lraOf(CmaEvolution model) {
        try {
            var field = CmaEvolution.class.getDeclaredField("lra");
            field.setAccessible(true);
            return (LearningRateAdaptation) field.get(model);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
