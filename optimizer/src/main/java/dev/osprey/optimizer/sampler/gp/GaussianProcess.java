package dev.osprey.optimizer.sampler.gp;

/**
 * A GP conditioned on observations (Rasmussen and Williams, 2006, algorithm 2.1): the Cholesky
 * factor of {@code C = K + σ² I} is computed once, and the posterior mean
 * {@code k(x, X) C⁻¹ y} and variance {@code s - k(x, X) C⁻¹ k(X, x)} (floored at 0) follow by
 * triangular solves, with their gradients in the continuous inputs for the acquisition search.
 */
final class GaussianProcess {

    private final double[][] points;
    private final MaternKernel kernel;
    private final Cholesky cholesky;
    private final double[] alpha;

    private GaussianProcess(double[][] points, MaternKernel kernel, Cholesky cholesky, double[] alpha) {
        this.points = points;
        this.kernel = kernel;
        this.cholesky = cholesky;
        this.alpha = alpha;
    }

    /** The GP with {@code hyperparameters} conditioned on {@code y} at {@code points}. */
    static GaussianProcess condition(double[][] points, double[] y, GpHyperparameters hyperparameters,
                                     boolean[] categorical) {
        MaternKernel kernel = hyperparameters.kernel(categorical);
        int n = points.length;
        double[] c = kernel.matrix(points);
        for (int i = 0; i < n; i++) {
            c[i * n + i] += hyperparameters.noise();
        }
        Cholesky cholesky = Cholesky.of(c, n);
        double[] alpha = y.clone();
        cholesky.solve(alpha);
        return new GaussianProcess(points, kernel, cholesky, alpha);
    }

    MaternKernel kernel() {
        return kernel;
    }

    /** The posterior mean at {@code x}. */
    double mean(double[] x) {
        double[] k = kernel.cross(x, points);
        double m = 0;
        for (int j = 0; j < k.length; j++) {
            m += k[j] * alpha[j];
        }
        return m;
    }

    /** {@code {mean, variance}} at {@code x}. */
    double[] posterior(double[] x) {
        double[] k = kernel.cross(x, points);
        double m = 0;
        for (int j = 0; j < k.length; j++) {
            m += k[j] * alpha[j];
        }
        cholesky.solveLower(k);
        double explained = 0;
        for (double v : k) {
            explained += v * v;
        }
        return new double[] {m, Math.max(kernel.scale() - explained, 0)};
    }

    /**
     * {@code {mean, variance}} at {@code x}, writing their gradients in the dimensions
     * {@code dims} (continuous ones) into {@code meanGradient} and {@code varianceGradient}
     * (indexed like {@code dims}).
     */
    double[] posterior(double[] x, int[] dims, double[] meanGradient, double[] varianceGradient) {
        int n = points.length;
        double[] theta = kernel.inverseSquaredLengthScales();
        double[] k = new double[n];
        double[] slope = new double[n];
        double m = 0;
        for (int j = 0; j < n; j++) {
            double d2 = kernel.distance2(x, points[j]);
            k[j] = kernel.scale() * MaternKernel.correlation(d2);
            slope[j] = kernel.scale() * MaternKernel.correlationSlope(d2);
            m += k[j] * alpha[j];
        }
        double[] v = k.clone();
        cholesky.solveLower(v);
        double explained = 0;
        for (double t : v) {
            explained += t * t;
        }
        double[] w = v;
        cholesky.solveUpper(w);
        for (int a = 0; a < dims.length; a++) {
            int i = dims[a];
            double gm = 0;
            double gv = 0;
            double twoTheta = 2 * theta[i];
            double xi = x[i];
            for (int j = 0; j < n; j++) {
                double dk = slope[j] * twoTheta * (xi - points[j][i]);
                gm += alpha[j] * dk;
                gv += w[j] * dk;
            }
            meanGradient[a] = gm;
            varianceGradient[a] = -2 * gv;
        }
        return new double[] {m, Math.max(kernel.scale() - explained, 0)};
    }
}
