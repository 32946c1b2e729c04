package dev.osprey.optimizer.sampler.gp;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyperparameterFitTest {

    /** y drawn from a GP with the given hyperparameters at uniform points of [0, 1]^d. */
    private static double[] drawFromPrior(double[][] points, GpHyperparameters truth, boolean[] categorical, long seed) {
        int n = points.length;
        double[] c = truth.kernel(categorical).matrix(points);
        for (int i = 0; i < n; i++) {
            c[i * n + i] += truth.noise();
        }
        // y = L z with C = L Lᵀ: solve-based access to L is all Cholesky offers, so factor here by hand
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = c[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            l[j * n + j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = c[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / l[j * n + j];
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                y[i] += l[i * n + k] * z[k];
            }
        }
        return y;
    }

    private static double[][] uniform(int n, int d, long seed) {
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
    void recoversTheLengthScaleOfDataDrawnFromAKnownGp() {
        boolean[] numeric = {false};
        double[][] points = uniform(80, 1, 7);
        GpHyperparameters truth = new GpHyperparameters(new double[] {30}, 1, 1e-4);
        double[] y = drawFromPrior(points, truth, numeric, 11);
        GpHyperparameters fitted = new HyperparameterFit(points, y, numeric, false)
                .fit(GpHyperparameters.defaults(1, false));
        double theta = fitted.inverseSquaredLengthScales()[0];
        assertTrue(theta > 30 / 2.0 && theta < 30 * 2.0, "fitted θ = " + theta + " for a true θ of 30: " + fitted);
        assertTrue(fitted.noise() < 0.01, "nearly noiseless data get a small noise: " + fitted);
    }

    @Test
    void anIrrelevantDimensionGetsALongLengthScale() {
        boolean[] numeric = {false, false};
        double[][] points = uniform(40, 2, 3);
        double[] y = new double[points.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(6 * points[i][0]);
        }
        GpHyperparameters fitted = new HyperparameterFit(points, y, numeric, true)
                .fit(GpHyperparameters.defaults(2, true));
        double[] theta = fitted.inverseSquaredLengthScales();
        assertTrue(theta[0] > 10 * theta[1], "θ = " + java.util.Arrays.toString(theta));
        assertEquals(GpHyperparameters.MIN_NOISE, fitted.noise(), 0, "a deterministic objective keeps the noise floor");
    }

    @Test
    void theLossGradientMatchesFiniteDifferences() {
        boolean[] categorical = {false, true};
        double[][] points = uniform(20, 2, 5);
        SplittableRandom rng = new SplittableRandom(9);
        double[] y = new double[points.length];
        for (int i = 0; i < y.length; i++) {
            points[i][1] = rng.nextInt(3);
            y[i] = Math.cos(4 * points[i][0]) + points[i][1] * 0.3 + 0.05 * rng.nextGaussian();
        }
        for (boolean fixedNoise : new boolean[] {false, true}) {
            // at the noise floor, C is only well conditioned for a few well-spread points
            int n = fixedNoise ? 6 : points.length;
            HyperparameterFit fit = new HyperparameterFit(java.util.Arrays.copyOf(points, n), java.util.Arrays.copyOf(y, n),
                    categorical, fixedNoise);
            double[] raw = new GpHyperparameters(new double[] {2.5, 0.7}, 0.8, 0.05).raw(fixedNoise);
            double[] gradient = new double[raw.length];
            fit.loss(raw, gradient);
            for (int p = 0; p < raw.length; p++) {
                double h = 1e-5;
                double[] up = raw.clone();
                double[] down = raw.clone();
                up[p] += h;
                down[p] -= h;
                double[] scratch = new double[raw.length];
                double numeric = (fit.loss(up, scratch) - fit.loss(down, scratch)) / (2 * h);
                assertEquals(numeric, gradient[p], 1e-5 * Math.max(1, Math.abs(numeric)),
                        "d loss / d raw[" + p + "], fixed noise " + fixedNoise);
            }
        }
    }

    @Test
    void thePriorGradientMatchesFiniteDifferences() {
        double[] raw = {Math.log(0.3), Math.log(5), Math.log(1.7), Math.log(0.02)};
        double[] gradient = new double[4];
        GpPrior.logDensity(raw, 2, false, GpHyperparameters.MIN_NOISE, gradient);
        for (int p = 0; p < 4; p++) {
            double[] up = raw.clone();
            double[] down = raw.clone();
            up[p] += 1e-6;
            down[p] -= 1e-6;
            double numeric = (GpPrior.logDensity(up, 2, false, GpHyperparameters.MIN_NOISE, new double[4])
                    - GpPrior.logDensity(down, 2, false, GpHyperparameters.MIN_NOISE, new double[4])) / 2e-6;
            assertEquals(numeric, gradient[p], 1e-6 * Math.max(1, Math.abs(numeric)), "raw[" + p + "]");
        }
        // the length-scale prior -(0.1/θ + 0.1 θ) peaks at θ = 1
        double[] atOne = new double[4];
        GpPrior.logDensity(new double[] {0, 0, 0, 0}, 2, false, GpHyperparameters.MIN_NOISE, atOne);
        assertEquals(0, atOne[0], 1e-15);
    }
}
