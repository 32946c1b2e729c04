package dev.osprey.optimizer.sampler.gp;

import java.util.Arrays;

/**
 * The maximum-a-posteriori fit of a GP's hyperparameters: minimises
 * {@code -log p(y | X, θ, s, σ²) - log prior} over the raw (log) hyperparameters with
 * {@link BoundedQuasiNewton}, using the analytic gradient
 * {@code ½ tr((C⁻¹ - ααᵀ) ∂C/∂p)} of the negative marginal log likelihood (Rasmussen and Williams,
 * 2006, eq. 5.9) and {@link MaternKernel#correlationSlope} for the kernel's derivative.
 */
final class HyperparameterFit {

    /** Optuna's gradient tolerance for the fit. */
    private static final double GRADIENT_TOLERANCE = 1e-2;
    private static final int MAX_ITERATIONS = 100;

    private final double[][] points;
    private final double[] y;
    private final boolean[] categorical;
    private final boolean fixedNoise;
    private final int n;
    private final int d;
    /** Per dimension, the squared difference of each pair i &lt; j, row by row. */
    private final double[][] pairDifferences;

    HyperparameterFit(double[][] points, double[] y, boolean[] categorical, boolean fixedNoise) {
        this.points = points;
        this.y = y;
        this.categorical = categorical;
        this.fixedNoise = fixedNoise;
        this.n = points.length;
        this.d = categorical.length;
        int pairs = n * (n - 1) / 2;
        pairDifferences = new double[d][pairs];
        MaternKernel unit = new MaternKernel(new double[d], 1, categorical);
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                for (int k = 0; k < d; k++) {
                    pairDifferences[k][p] = unit.squaredDifference(k, points[i][k], points[j][k]);
                }
                p++;
            }
        }
    }

    /** The MAP hyperparameters, starting from {@code start}. */
    GpHyperparameters fit(GpHyperparameters start) {
        double[] raw = start.raw(fixedNoise);
        double[] lower = new double[raw.length];
        double[] upper = new double[raw.length];
        for (int i = 0; i < d; i++) {
            lower[i] = Math.log(1e-4);
            upper[i] = Math.log(1e4);
        }
        lower[d] = Math.log(1e-3);
        upper[d] = Math.log(1e3);
        if (!fixedNoise) {
            lower[d + 1] = Math.log(1e-10);
            upper[d + 1] = Math.log(10);
        }
        BoundedQuasiNewton optimiser = new BoundedQuasiNewton(lower, upper, MAX_ITERATIONS, GRADIENT_TOLERANCE);
        BoundedQuasiNewton.Result result = optimiser.minimize(this::loss, raw);
        if (!Double.isFinite(result.value())) {
            throw new ArithmeticException("the GP's marginal likelihood is not finite at " + Arrays.toString(result.x()));
        }
        return GpHyperparameters.fromRaw(result.x(), d, fixedNoise);
    }

    /** The negative log posterior at {@code raw}; writes its gradient. */
    double loss(double[] raw, double[] gradient) {
        Arrays.fill(gradient, 0);
        GpHyperparameters h = GpHyperparameters.fromRaw(raw, d, fixedNoise);
        double[] theta = h.inverseSquaredLengthScales();
        double s = h.scale();
        // kernel matrix and, per pair, s·m'(d2), from the precomputed differences
        double[] c = new double[n * n];
        int pairs = n * (n - 1) / 2;
        double[] slope = new double[pairs];
        double[] d2 = new double[pairs];
        for (int k = 0; k < d; k++) {
            double t = theta[k];
            double[] diff = pairDifferences[k];
            for (int p = 0; p < pairs; p++) {
                d2[p] += t * diff[p];
            }
        }
        int p = 0;
        for (int i = 0; i < n; i++) {
            c[i * n + i] = s + h.noise();
            for (int j = 0; j < i; j++) {
                double v = s * MaternKernel.correlation(d2[p]);
                c[i * n + j] = v;
                c[j * n + i] = v;
                slope[p] = s * MaternKernel.correlationSlope(d2[p]);
                p++;
            }
        }
        Cholesky chol = Cholesky.of(c, n);
        double[] alpha = y.clone();
        chol.solve(alpha);
        double quad = 0;
        for (int i = 0; i < n; i++) {
            quad += y[i] * alpha[i];
        }
        double negMll = chol.halfLogDet() + 0.5 * quad;
        double[] w = chol.inverse();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] -= alpha[i] * alpha[j];
            }
        }
        // ∂C/∂ln θ_k = s m'(d2) θ_k sq_k off the diagonal; the sum over i<j counts both halves once
        double[] pairWeight = new double[pairs];
        p = 0;
        double gradScale = 0;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += w[i * n + i];
            gradScale += 0.5 * w[i * n + i] * s;
            for (int j = 0; j < i; j++) {
                double wij = w[i * n + j];
                pairWeight[p] = wij * slope[p];
                gradScale += wij * c[i * n + j];
                p++;
            }
        }
        for (int k = 0; k < d; k++) {
            double[] diff = pairDifferences[k];
            double g = 0;
            for (int q = 0; q < pairs; q++) {
                g += pairWeight[q] * diff[q];
            }
            gradient[k] = g * theta[k];
        }
        gradient[d] = gradScale;
        if (!fixedNoise) {
            gradient[d + 1] = 0.5 * trace * (h.noise() - GpHyperparameters.MIN_NOISE);
        }
        double[] priorGradient = new double[gradient.length];
        double logPrior = GpPrior.logDensity(raw, d, fixedNoise, GpHyperparameters.MIN_NOISE, priorGradient);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] -= priorGradient[i];
        }
        return negMll - logPrior;
    }
}
