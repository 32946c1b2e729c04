package dev.osprey.optimizer.sampler.gp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaternKernelTest {

    @Test
    void aPointIsFullyCorrelatedWithItself() {
        MaternKernel k = new MaternKernel(new double[] {3, 0.5}, 2.5, new boolean[] {false, false});
        assertEquals(2.5, k.value(new double[] {0.2, 0.7}, new double[] {0.2, 0.7}), 1e-15);
    }

    /**
     * By hand: θ = (1, 4), x - y = (0.3, 0.1), so d2 = 0.09 + 0.04 = 0.13, √(5·d2) = 0.806226, and
     * k = 2 · (1 + 0.806226 + 5/3 · 0.13) · e^-0.806226 = 1.806606.
     */
    @Test
    void numericDimensionsAreWeightedByTheirInverseSquaredLengthScales() {
        MaternKernel k = new MaternKernel(new double[] {1, 4}, 2, new boolean[] {false, false});
        assertEquals(1.806605725028442, k.value(new double[] {0, 0}, new double[] {0.3, 0.1}), 1e-12);
        assertEquals(0.13, k.distance2(new double[] {0, 0}, new double[] {0.3, 0.1}), 1e-15);
    }

    /** By hand: two different choices with θ = 2 give d2 = 2, √10 = 3.162278, k = (1 + 3.162278 + 10/3) e^-3.162278 = 0.317283. */
    @Test
    void categoricalDimensionsCountOnlyWhetherTheChoicesDiffer() {
        MaternKernel k = new MaternKernel(new double[] {2}, 1, new boolean[] {true});
        assertEquals(0.3172833639540438, k.value(new double[] {0}, new double[] {1}), 1e-12);
        assertEquals(k.value(new double[] {0}, new double[] {1}), k.value(new double[] {0}, new double[] {3}), 0,
                "choices 1 and 3 are as far from 0 as each other");
        assertEquals(1, k.value(new double[] {2}, new double[] {2}), 0);
    }

    @Test
    void mixedDimensionsAddTheirDistances() {
        MaternKernel k = new MaternKernel(new double[] {1, 4, 2}, 1.5, new boolean[] {false, false, true});
        // d2 = 0.13 + 2 = 2.13
        double expected = 1.5 * (1 + Math.sqrt(5 * 2.13) + 5.0 / 3 * 2.13) * Math.exp(-Math.sqrt(5 * 2.13));
        assertEquals(0.44837554157777293, expected, 1e-12);
        assertEquals(expected, k.value(new double[] {0, 0, 1}, new double[] {0.3, 0.1, 0}), 1e-12);
    }

    @Test
    void theSlopeIsTheDerivativeOfTheCorrelationAndFiniteAtZero() {
        assertEquals(-5.0 / 6, MaternKernel.correlationSlope(0), 1e-15);
        for (double d2 : new double[] {1e-3, 0.1, 1, 7}) {
            double h = 1e-6 * Math.max(d2, 1e-3);
            double numeric = (MaternKernel.correlation(d2 + h) - MaternKernel.correlation(d2 - h)) / (2 * h);
            assertEquals(numeric, MaternKernel.correlationSlope(d2), 1e-6, "at d2 = " + d2);
        }
    }

    @Test
    void theMatrixIsSymmetricWithTheScaleOnItsDiagonal() {
        MaternKernel k = new MaternKernel(new double[] {2}, 0.7, new boolean[] {false});
        double[][] points = {{0.1}, {0.5}, {0.9}};
        double[] m = k.matrix(points);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.7, m[i * 3 + i], 0);
            for (int j = 0; j < 3; j++) {
                assertEquals(m[i * 3 + j], m[j * 3 + i], 0);
                assertEquals(k.value(points[i], points[j]), m[i * 3 + j], 1e-15);
            }
        }
    }
}
