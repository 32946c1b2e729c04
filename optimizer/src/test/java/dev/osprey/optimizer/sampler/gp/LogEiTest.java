package dev.osprey.optimizer.sampler.gp;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogEiTest {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    /** Where the direct formula EI = (μ - best) Φ(z) + σ φ(z) loses no digits, log EI equals its log. */
    @ParameterizedTest
    @CsvSource({"0, 1, 0", "1.5, 0.25, 0.2", "-1, 4, 0.5", "0.3, 0.01, 0.1", "-2, 1, 0.5", "5, 1, 0"})
    void matchesTheDirectFormulaInStableRanges(double mean, double variance, double best) {
        double sigma = Math.sqrt(variance + LogEi.VARIANCE_FLOOR);
        double z = (mean - best) / sigma;
        double direct = Math.log((mean - best) * NORMAL.cumulativeProbability(z) + sigma * NORMAL.density(z));
        assertEquals(direct, LogEi.value(mean, variance, best), 1e-9 * Math.max(1, Math.abs(direct)));
    }

    /** Both branches agree where they meet (z = -5), so the value is continuous. */
    @Test
    void theTailBranchJoinsTheDirectOne() {
        double below = LogEi.logH(Math.nextDown(-5.0));
        double above = LogEi.logH(-5.0);
        assertEquals(above, below, 1e-9 * Math.abs(above));
        // and matches the direct formula a little above the switch, where it is still accurate to ~1e-8
        double z = -4.9;
        double direct = Math.log(NORMAL.density(z) + z * NORMAL.cumulativeProbability(z));
        assertEquals(direct, LogEi.logH(z), 1e-7 * Math.abs(direct));
    }

    /** Far below the best, log EI is finite, decreasing, and follows -z²/2 - log(z²)... asymptotically. */
    @Test
    void staysFiniteAndOrderedInExtremeRanges() {
        double previous = Double.POSITIVE_INFINITY;
        for (double z : new double[] {-6, -10, -40, -1e3, -1e6, -1e10}) {
            double v = LogEi.logH(z);
            assertTrue(Double.isFinite(v), "log h(" + z + ") = " + v);
            assertTrue(v < previous, "log h decreases: " + v + " at " + z);
            // h(z) ~ φ(z) / z² for z → -∞
            double asymptote = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z);
            assertEquals(asymptote, v, 3 / (z * z) + 1e-12 * Math.abs(asymptote), "at " + z);
            previous = v;
        }
        assertTrue(Double.isFinite(LogEi.value(0, 0, 1e8)), "zero variance far below the best");
        assertTrue(Double.isFinite(LogEi.value(1e8, 1, 0)), "far above the best");
        assertEquals(Math.log(1e8), LogEi.value(1e8, 1, 0), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 0", "0.5, 0.3, 1", "-3, 0.2, 2", "-30, 1, 0", "2, 1e-4, 0"})
    void theGradientMatchesFiniteDifferences(double mean, double variance, double best) {
        double[] g = LogEi.withGradient(mean, variance, best);
        assertEquals(LogEi.value(mean, variance, best), g[0], 1e-12 * Math.max(1, Math.abs(g[0])));
        double h = 1e-6;
        double dMean = (LogEi.value(mean + h, variance, best) - LogEi.value(mean - h, variance, best)) / (2 * h);
        double hv = 1e-6 * variance;
        double dVar = (LogEi.value(mean, variance + hv, best) - LogEi.value(mean, variance - hv, best)) / (2 * hv);
        assertEquals(dMean, g[1], 1e-5 * Math.max(1, Math.abs(dMean)));
        assertEquals(dVar, g[2], 1e-4 * Math.max(1, Math.abs(dVar)));
    }
}
