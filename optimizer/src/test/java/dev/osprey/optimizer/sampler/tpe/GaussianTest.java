package dev.osprey.optimizer.sampler.tpe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianTest {

    /** Reference values of log Φ(x) (from the series of Abramowitz & Stegun, to 15 digits). */
    @ParameterizedTest
    @CsvSource({
            "-40, -804.608442013754",
            "-20, -203.917155371097",
            "-5, -15.0649983939887",
            "-1, -1.84102164500926",
            "0, -0.693147180559945",
            "1, -0.172753779023450",
            "3, -0.00135080996474820",
            "8, -6.22096057427178e-16"})
    void logCdfIsAccurateInBothTails(double x, double expected) {
        assertEquals(expected, Gaussian.logCdf(x), Math.abs(expected) * 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-800, -50, -2, -0.7, -0.1, -1e-5})
    void inverseLogCdfInvertsLogCdf(double y) {
        assertEquals(y, Gaussian.logCdf(Gaussian.inverseLogCdf(y)), Math.abs(y) * 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"-1, 2", "-10, -8", "3, 5", "-0.5, 0.5", "5, 40", "-30, 30"})
    void truncatedQuantilesStayInsideAndInvertTheCdf(double a, double b) {
        double mass = Math.exp(Gaussian.logMass(a, b));
        for (double q = 0.05; q < 1; q += 0.15) {
            double x = Gaussian.truncatedQuantile(q, a, b);
            assertTrue(x >= a && x <= b, "quantile " + x + " outside [" + a + ", " + b + "]");
            // the mass from a to x is q of the whole: checked in log space for the far tails
            double logPart = Gaussian.logMass(a, x);
            assertEquals(Math.log(q), logPart - Math.log(mass), 1e-7, "q=" + q);
        }
    }

    @ParameterizedTest
    @CsvSource({"-1, 1, 0.682689492137086", "0, 1, 0.341344746068543", "-2, 0, 0.477249868051821"})
    void massBetweenTwoPoints(double a, double b, double expected) {
        assertEquals(expected, Math.exp(Gaussian.logMass(a, b)), 1e-14);
    }
}
