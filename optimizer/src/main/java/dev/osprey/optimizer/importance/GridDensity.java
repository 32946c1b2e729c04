package dev.osprey.optimizer.importance;

/**
 * A Parzen estimator on the grid indices {@code 0..K-1} of one parameter, as PED-ANOVA fits it: one
 * kernel per occupied index weighted by its count, plus a prior kernel of weight 1. Numeric kernels
 * are Gaussians discretised to the grid and truncated to it, with one bandwidth from Scott's rule
 * (Scott 1992) floored so that 90% of a kernel's mass stays within one cell; categorical kernels put
 * a prior share on every choice and 1 on their own.
 */
final class GridDensity {

    static final double PRIOR_WEIGHT = 1.0;
    private static final double MIN_BANDWIDTH = 0.5 / 1.64;

    private GridDensity() {
    }

    /** The probability of every grid index under the estimator fitted to {@code counts}. */
    static double[] numeric(int[] counts) {
        int k = counts.length;
        int occupied = 0;
        double n = 0;
        for (int c : counts) {
            if (c > 0) {
                occupied++;
                n += c;
            }
        }
        double[] mus = new double[occupied];
        double[] weights = new double[occupied];
        int j = 0;
        for (int i = 0; i < k; i++) {
            if (counts[i] > 0) {
                mus[j] = i;
                weights[j++] = counts[i];
            }
        }
        double mean = 0;
        for (int i = 0; i < occupied; i++) {
            mean += mus[i] * weights[i] / n;
        }
        double squares = 0;
        for (int i = 0; i < occupied; i++) {
            squares += (mus[i] - mean) * (mus[i] - mean) * weights[i];
        }
        double sd = Math.sqrt(squares / Math.max(1, n - 1));
        long total = (long) n;
        int q25 = firstAtLeast(weights, total / 4, false);
        int q75 = firstAtLeast(weights, total * 3 / 4, true);
        double iqr = mus[Math.min(occupied - 1, q75)] - mus[q25];
        double sigma = Math.max(1.059 * Math.min(iqr / 1.34, sd) * Math.pow(n, -0.2), MIN_BANDWIDTH);
        double mixture = n + PRIOR_WEIGHT;
        double[] pdf = new double[k];
        for (int i = 0; i < occupied; i++) {
            addKernel(pdf, mus[i], sigma, weights[i] / mixture);
        }
        addKernel(pdf, 0.5 * (k - 1), k, PRIOR_WEIGHT / mixture);
        return pdf;
    }

    /** The probability of every choice under the estimator fitted to {@code counts}. */
    static double[] categorical(int[] counts) {
        int k = counts.length;
        int occupied = 0;
        double n = 0;
        for (int c : counts) {
            if (c > 0) {
                occupied++;
                n += c;
            }
        }
        double kernels = occupied + 1;
        double mixture = n + PRIOR_WEIGHT;
        double share = PRIOR_WEIGHT / kernels;
        double rowSum = share * k + 1;
        double[] pdf = new double[k];
        for (int i = 0; i < k; i++) {
            if (counts[i] > 0) {
                double w = counts[i] / mixture;
                for (int x = 0; x < k; x++) {
                    pdf[x] += w * share / rowSum;
                }
                pdf[i] += w / rowSum;
            }
        }
        for (int x = 0; x < k; x++) {
            pdf[x] += PRIOR_WEIGHT / mixture / k;
        }
        return pdf;
    }

    /** Like numpy's searchsorted over cumulative weights: the first index whose sum is >= (or >) {@code bound}. */
    private static int firstAtLeast(double[] weights, long bound, boolean strictly) {
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (strictly ? cumulative > bound : cumulative >= bound) {
                return i;
            }
        }
        return weights.length;
    }

    /** Adds {@code weight} times a Gaussian discretised to the cells [i - 0.5, i + 0.5] and truncated to the grid. */
    private static void addKernel(double[] pdf, double mu, double sigma, double weight) {
        int k = pdf.length;
        double mass = mass((-0.5 - mu) / sigma, (k - 0.5 - mu) / sigma);
        if (!(mass > 0)) {
            return;
        }
        for (int i = 0; i < k; i++) {
            pdf[i] += weight * mass((i - 0.5 - mu) / sigma, (i + 0.5 - mu) / sigma) / mass;
        }
    }

    /** The standard normal mass on [a, b], taken on the side of 0 where it does not cancel. */
    static double mass(double a, double b) {
        if (a > 0) {
            return upperTail(a) - upperTail(b);
        }
        if (b < 0) {
            return upperTail(-b) - upperTail(-a);
        }
        return 1 - upperTail(-a) - upperTail(b);
    }

    /** P(Z > z) for z >= 0, via the complementary error function. */
    private static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** erfc(x) for x >= 0 by a Chebyshev fit with relative error below 1.2e-7 everywhere. */
    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * x);
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        return t * Math.exp(poly);
    }
}
