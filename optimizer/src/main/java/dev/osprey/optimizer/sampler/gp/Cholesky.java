package dev.osprey.optimizer.sampler.gp;

/**
 * The Cholesky factor {@code L} of a symmetric positive-definite matrix, {@code C = L Lᵀ}, on a
 * row-major {@code double[]}, with the triangular solves the GP needs. If the matrix is not
 * positive definite, a growing jitter is added to its diagonal (duplicated points make the kernel
 * matrix singular when the noise is tiny).
 */
final class Cholesky {

    private final int n;
    private final double[] l;
    /** {@code Lᵀ} row-major, so that the upper solve also runs along rows. */
    private final double[] lt;

    private Cholesky(int n, double[] l) {
        this.n = n;
        this.l = l;
        this.lt = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                lt[j * n + i] = l[i * n + j];
            }
        }
    }

    /** Factors the n×n row-major {@code matrix} (left untouched), adding jitter if needed. */
    static Cholesky of(double[] matrix, int n) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(matrix[i * n + i]));
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[] l = tryFactor(matrix, n, jitter);
            if (l != null) {
                return new Cholesky(n, l);
            }
            jitter = jitter == 0 ? Math.max(scale, 1e-300) * 1e-10 : jitter * 10;
        }
        throw new ArithmeticException("the kernel matrix is not positive definite even with a jitter of " + jitter);
    }

    private static double[] tryFactor(double[] a, int n, double jitter) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j] + jitter;
            for (int k = 0; k < j; k++) {
                d -= l[rj + k] * l[rj + k];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[rj + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= l[ri + k] * l[rj + k];
                }
                l[ri + j] = s / ljj;
            }
        }
        return l;
    }

    int size() {
        return n;
    }

    /** Solves {@code L x = b} in place. */
    void solveLower(double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[k];
            }
            b[i] = s / l[ri + i];
        }
    }

    /** Solves {@code Lᵀ x = b} in place. */
    void solveUpper(double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= lt[ri + k] * b[k];
            }
            b[i] = s / lt[ri + i];
        }
    }

    /** {@code C⁻¹ b}, in place. */
    void solve(double[] b) {
        solveLower(b);
        solveUpper(b);
    }

    /** {@code Σ log L_ii = ½ log det C}. */
    double halfLogDet() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return s;
    }

    /** The full inverse {@code C⁻¹}, row-major: {@code (L⁻¹)ᵀ L⁻¹}. */
    double[] inverse() {
        // L⁻¹ column by column into a lower-triangular row-major matrix
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            inv[ri + i] = 1 / l[ri + i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[ri + k] * inv[k * n + j];
                }
                inv[ri + j] = s / l[ri + i];
            }
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += inv[k * n + i] * inv[k * n + j];
                }
                out[i * n + j] = s;
                out[j * n + i] = s;
            }
        }
        return out;
    }
}
