package dev.osprey.optimizer.sampler.gp;

import org.apache.commons.math3.special.Erf;

/**
 * The logarithm of expected improvement, computed stably for any standardised improvement
 * {@code z = (μ - best) / σ} (Ament et al., "Unexpected Improvements to Expected Improvement for
 * Bayesian Optimization", NeurIPS 2023): {@code log EI = log h(z) + log σ} with
 * {@code h(z) = φ(z) + z Φ(z)}. For {@code z < -5}, where {@code h} loses every digit to
 * cancellation, {@code h(z) = φ(z) R(t) c(t)} with {@code t = -z}, {@code R} Mills' ratio and
 * {@code c = 1/R - t}, both from Laplace's continued fraction, so no subtraction remains.
 */
final class LogEi {

    /** The variance floor of Optuna's acquisition, which keeps σ positive at observed points. */
    static final double VARIANCE_FLOOR = 1e-12;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SWITCH = -5;
    private static final int FRACTION_TERMS = 60;

    private LogEi() {
    }

    /** {@code log EI} of a normal posterior (mean, variance) over the threshold {@code best}. */
    static double value(double mean, double variance, double best) {
        double sigma = Math.sqrt(variance + VARIANCE_FLOOR);
        return logH((mean - best) / sigma) + Math.log(sigma);
    }

    /**
     * {@code {log EI, ∂/∂mean, ∂/∂variance}}.
     */
    static double[] withGradient(double mean, double variance, double best) {
        double sigma = Math.sqrt(variance + VARIANCE_FLOOR);
        double z = (mean - best) / sigma;
        double logH = logH(z);
        double ratio = cdfOverH(z); // d log h / dz
        double dMean = ratio / sigma;
        double dSigma = (1 - z * ratio) / sigma;
        return new double[] {logH + Math.log(sigma), dMean, dSigma / (2 * sigma)};
    }

    /** {@code log(φ(z) + z Φ(z))}. */
    static double logH(double z) {
        if (z >= SWITCH) {
            double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
            return Math.log(Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) + z * cdf);
        }
        double t = -z;
        double c = tailRemainder(t);
        double mills = 1 / (t + c);
        return -0.5 * z * z - LOG_SQRT_2PI + Math.log(mills) + Math.log(c);
    }

    /** {@code Φ(z) / h(z)}, the derivative of {@code log h}. */
    static double cdfOverH(double z) {
        if (z >= SWITCH) {
            double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
            double h = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) + z * cdf;
            return cdf / h;
        }
        // Φ(z) = φ(z) R(t) and h(z) = φ(z) R(t) c(t)
        return 1 / tailRemainder(-z);
    }

    /** {@code c(t) = 1/R(t) - t = 1/(t + 2/(t + 3/(t + ...)))} for {@code t > 0}, evaluated bottom-up. */
    private static double tailRemainder(double t) {
        double f = t;
        for (int k = FRACTION_TERMS; k >= 2; k--) {
            f = t + k / f;
        }
        return 1 / f;
    }
}
