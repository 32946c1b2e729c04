package dev.osprey.optimizer.sampler.gp;

/**
 * The ARD Matérn-5/2 kernel (Rasmussen and Williams, "Gaussian Processes for Machine Learning",
 * 2006, eq. 4.17) over a scaled squared distance {@code d2 = Σ θ_i · sq_i(x, x')}, where
 * {@code θ_i} is the inverse squared length scale of dimension i and {@code sq_i} is
 * {@code (x_i - x'_i)²} for numeric dimensions and {@code 1[x_i ≠ x'_i]} (a Hamming distance) for
 * categorical ones: {@code k = s · (1 + √(5 d2) + 5/3 d2) · exp(-√(5 d2))}.
 *
 * @param inverseSquaredLengthScales θ, one per dimension, positive
 * @param scale                      s, the signal variance, positive
 * @param categorical                which dimensions are compared by equality
 */
record MaternKernel(double[] inverseSquaredLengthScales, double scale, boolean[] categorical) {

    private static final double SQRT5 = Math.sqrt(5);

    MaternKernel {
        if (inverseSquaredLengthScales.length != categorical.length) {
            throw new IllegalArgumentException("one inverse squared length scale per dimension: "
                    + inverseSquaredLengthScales.length + " for " + categorical.length + " dimensions");
        }
    }

    int dimensions() {
        return categorical.length;
    }

    /** The unscaled Matérn-5/2 correlation at squared distance {@code d2}. */
    static double correlation(double d2) {
        double r = Math.sqrt(5 * d2);
        return (1 + r + 5.0 / 3 * d2) * Math.exp(-r);
    }

    /** {@code d correlation / d d2 = -5/6 (1 + √(5 d2)) exp(-√(5 d2))}, finite at 0. */
    static double correlationSlope(double d2) {
        double r = Math.sqrt(5 * d2);
        return -5.0 / 6 * (1 + r) * Math.exp(-r);
    }

    /** The per-dimension squared difference: squared gap for numbers, 0 or 1 for choices. */
    double squaredDifference(int i, double a, double b) {
        if (categorical[i]) {
            return a == b ? 0 : 1;
        }
        double t = a - b;
        return t * t;
    }

    /** The scaled squared distance {@code d2} between two inputs. */
    double distance2(double[] x, double[] y) {
        double d2 = 0;
        double[] theta = inverseSquaredLengthScales;
        for (int i = 0; i < theta.length; i++) {
            d2 += theta[i] * squaredDifference(i, x[i], y[i]);
        }
        return d2;
    }

    /** {@code k(x, y)}. */
    double value(double[] x, double[] y) {
        return scale * correlation(distance2(x, y));
    }

    /** The n×n kernel matrix of {@code points}, row-major, without noise. */
    double[] matrix(double[][] points) {
        int n = points.length;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            k[i * n + i] = scale;
            for (int j = 0; j < i; j++) {
                double v = value(points[i], points[j]);
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
        return k;
    }

    /** {@code k(x, points_j)} for every j. */
    double[] cross(double[] x, double[][] points) {
        double[] k = new double[points.length];
        for (int j = 0; j < points.length; j++) {
            k[j] = value(x, points[j]);
        }
        return k;
    }

    @Override
    public String toString() {
        return "MaternKernel[theta=" + java.util.Arrays.toString(inverseSquaredLengthScales) + ", scale=" + scale + "]";
    }
}
