package dev.osprey.optimizer.sampler.gp;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianProcessTest {

    private static final boolean[] NUMERIC2 = {false, false};

    private static double[][] randomPoints(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] points = new double[n][d];
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                p[i] = rng.nextDouble();
            }
        }
        return points;
    }

    @Test
    void interpolatesNoiselessData() {
        double[][] points = randomPoints(12, 2, 1);
        double[] y = new double[points.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(5 * points[i][0]) + points[i][1];
        }
        GpHyperparameters h = new GpHyperparameters(new double[] {4, 2}, 1, GpHyperparameters.MIN_NOISE);
        GaussianProcess gp = GaussianProcess.condition(points, y, h, NUMERIC2);
        for (int i = 0; i < y.length; i++) {
            double[] p = gp.posterior(points[i]);
            assertEquals(y[i], p[0], 1e-3, "mean at observed point " + i);
            assertTrue(p[1] < 1e-4, "variance at observed point " + i + " is " + p[1]);
        }
        double[] far = gp.posterior(new double[] {30, 30});
        assertEquals(0, far[0], 1e-9, "far away the mean returns to the prior's");
        assertEquals(1, far[1], 1e-9, "and the variance to the kernel scale");
    }

    @Test
    void duplicatedPointsKeepTheFactorisationStable() {
        double[][] points = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.1, 0.9}};
        double[] y = {1, 1.2, 0.8, -1};
        GpHyperparameters h = new GpHyperparameters(new double[] {1, 1}, 1, GpHyperparameters.MIN_NOISE);
        GaussianProcess gp = GaussianProcess.condition(points, y, h, NUMERIC2);
        double[] p = gp.posterior(new double[] {0.5, 0.5});
        assertEquals(1.0, p[0], 1e-2, "the mean at a repeated point is its values' average");
        assertTrue(Double.isFinite(p[1]));
    }

    @Test
    void theGradientsMatchFiniteDifferences() {
        double[][] points = randomPoints(15, 3, 2);
        boolean[] categorical = {false, false, true};
        SplittableRandom rng = new SplittableRandom(3);
        double[] y = new double[points.length];
        for (int i = 0; i < y.length; i++) {
            points[i][2] = rng.nextInt(3);
            y[i] = rng.nextGaussian();
        }
        GpHyperparameters h = new GpHyperparameters(new double[] {3, 0.5, 1}, 1.3, 0.01);
        GaussianProcess gp = GaussianProcess.condition(points, y, h, categorical);
        double[] x = {0.37, 0.61, 1};
        int[] dims = {0, 1};
        double[] gm = new double[2];
        double[] gv = new double[2];
        double[] p = gp.posterior(x, dims, gm, gv);
        assertEquals(gp.posterior(x)[0], p[0], 1e-12);
        assertEquals(gp.posterior(x)[1], p[1], 1e-12);
        for (int a = 0; a < 2; a++) {
            double step = 1e-6;
            double[] up = x.clone();
            double[] down = x.clone();
            up[dims[a]] += step;
            down[dims[a]] -= step;
            double dm = (gp.posterior(up)[0] - gp.posterior(down)[0]) / (2 * step);
            double dv = (gp.posterior(up)[1] - gp.posterior(down)[1]) / (2 * step);
            assertEquals(dm, gm[a], 1e-6, "mean gradient in dimension " + a);
            assertEquals(dv, gv[a], 1e-6, "variance gradient in dimension " + a);
        }
    }
}
