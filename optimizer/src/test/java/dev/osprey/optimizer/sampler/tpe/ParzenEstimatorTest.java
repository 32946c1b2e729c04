package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenEstimatorTest {

    private static final double[] OBS = {1.0, -2.5, 7.3, 3.3, 9.9, 0.2, 5.5};

    private static ParzenEstimator estimator(Distribution d, double... obs) {
        return new ParzenEstimator(List.of(d), new double[][] {obs}, TpeDefaults.WEIGHTS.apply(obs.length),
                1.0, 1.0, true, false);
    }

    @Test
    void floatDensityIsTheWeightedSumOfNeighbourGapKernels() {
        // sorted -2.5 0.2 1.0 3.3 5.5 7.3 9.9 in [-5, 10]: the larger gap to a neighbour, the outer
        // observations only their inner gap, clipped below at 15 / min(100, 7 + 2)
        double[] sigma = {2.3, 2.7, 2.6, 2.3, 2.6, 2.7, 2.2};
        double x = -4;
        double density = truncatedNormal(x, 2.5, 15, -5, 10);
        for (int k = 0; k < OBS.length; k++) {
            density += truncatedNormal(x, OBS[k], sigma[k], -5, 10);
        }
        double expected = Math.log(density / 8);
        double actual = estimator(Distribution.floats(-5, 10), OBS).logPdf(new double[][] {{x}})[0];
        assertEquals(expected, actual, 1e-12);
    }

    private static double truncatedNormal(double x, double mu, double sigma, double low, double high) {
        double z = (x - mu) / sigma;
        double mass = Gaussian.cdf((high - mu) / sigma) - Gaussian.cdf((low - mu) / sigma);
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) / mass;
    }

    @Test
    void continuousDensitiesIntegrateToOne() {
        for (Distribution d : List.of(Distribution.floats(-5, 10), Distribution.logFloats(1e-3, 10))) {
            double[] obs = d.equals(Distribution.floats(-5, 10)) ? OBS : new double[] {0.01, 0.2, 3, 5};
            ParzenEstimator pe = estimator(d, obs);
            // integrate in the space the kernels live in: x for linear, log x for log scales
            boolean log = d instanceof dev.osprey.optimizer.space.FloatDistribution f && f.log();
            double lo = log ? Math.log(1e-3) : -5;
            double hi = log ? Math.log(10) : 10;
            int n = 200_000;
            double[][] points = new double[1][n];
            for (int i = 0; i < n; i++) {
                double t = lo + (i + 0.5) * (hi - lo) / n;
                points[0][i] = log ? Math.exp(t) : t;
            }
            double total = 0;
            for (double lp : pe.logPdf(points)) {
                total += Math.exp(lp) * (hi - lo) / n;
            }
            assertEquals(1.0, total, 1e-6, d.toString());
        }
    }

    @Test
    void discreteMassesSumToOne() {
        for (Distribution d : List.of(Distribution.ints(1, 8), Distribution.logInts(16, 512),
                Distribution.steppedFloats(0, 1, 0.25), CategoricalDistribution.of("a", "b", "c"))) {
            double[][] grid = switch (d) {
                case dev.osprey.optimizer.space.IntDistribution i -> {
                    double[] g = new double[i.high() - i.low() + 1];
                    for (int v = 0; v < g.length; v++) {
                        g[v] = i.low() + v;
                    }
                    yield new double[][] {g};
                }
                case dev.osprey.optimizer.space.FloatDistribution f -> new double[][] {{0, 0.25, 0.5, 0.75, 1}};
                case CategoricalDistribution c -> new double[][] {{0, 1, 2}};
            };
            double[] obs = {grid[0][0], grid[0][grid[0].length - 1], grid[0][1]};
            double total = 0;
            for (double lp : estimator(d, obs).logPdf(grid)) {
                total += Math.exp(lp);
            }
            assertEquals(1.0, total, 1e-9, d.toString());
        }
    }

    @Test
    void samplesStayInTheDomainAndOnItsGrid() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] ints = estimator(Distribution.logInts(16, 512), 16, 100, 512).sample(rng, 500)[0];
        for (double v : ints) {
            assertTrue(v >= 16 && v <= 512 && v == Math.rint(v), "int sample " + v);
        }
        double[] stepped = estimator(Distribution.steppedFloats(0, 1, 0.25), 0, 0.5).sample(rng, 500)[0];
        for (double v : stepped) {
            assertTrue(v >= 0 && v <= 1 && Math.rint(v * 4) == v * 4, "stepped sample " + v);
        }
        double[] floats = estimator(Distribution.floats(-5, 10), OBS).sample(rng, 500)[0];
        for (double v : floats) {
            assertTrue(v >= -5 && v <= 10, "float sample " + v);
        }
    }

    @Test
    void withoutObservationsOnlyThePriorRemains() {
        ParzenEstimator pe = estimator(Distribution.floats(0, 1));
        double[] lp = pe.logPdf(new double[][] {{0.0, 0.5, 1.0}});
        // prior: N(0.5, 1) truncated to [0, 1]
        assertEquals(Math.log(truncatedNormal(0.5, 0.5, 1, 0, 1)), lp[1], 1e-12);
        assertTrue(lp[1] > lp[0] && lp[0] == lp[2], "symmetric around the centre");
    }
}
