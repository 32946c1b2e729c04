package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The density model of TPE: a mixture of product kernels, one per observation plus a prior kernel
 * over the whole range (Bergstra et al., "Algorithms for Hyper-Parameter Optimization", NeurIPS
 * 2011; Watanabe, "Tree-Structured Parzen Estimator: Understanding Its Algorithm Components and
 * Their Roles for Better Empirical Performance", 2023).
 *
 * <p>Numeric dimensions use normals truncated to the range (after a log transform for log
 * scales; widened by half a step on each side for stepped and integer ranges, whose kernels are
 * integrated over each grid cell). A kernel's bandwidth is the larger gap to its neighbours in
 * sorted order (the outermost observations use their inner gap only), clipped to
 * {@code [range / min(100, n + 2), range]} ("magic clip"); see {@link Bandwidths}. Categorical
 * dimensions put weight 1 on the observed choice plus {@code categoricalPriorWeight / (n + 1)} on
 * every choice. Where Optuna's versions differ, {@link KernelRules} says which formula applies.
 */
final class ParzenEstimator {

    private final List<Distribution> distributions;
    private final int nKernels;
    private final double[] weights;
    private final double[] logWeights;
    private final double[] cumulativeWeights;
    private final Dimension[] dimensions;

    /**
     * @param distributions one per dimension
     * @param observations  {@code [dimension][observation]} internal values
     * @param weights       one (unnormalised) weight per observation
     * @param priorWeight   the weight of the prior kernel, relative to an observation's
     * @param categoricalPriorWeight the uniform mass spread over the choices inside each categorical kernel
     */
    ParzenEstimator(List<Distribution> distributions, double[][] observations, double[] weights,
                    double priorWeight, double categoricalPriorWeight, boolean magicClip, boolean endpoints) {
        this(distributions, observations, weights, priorWeight, categoricalPriorWeight, magicClip, endpoints,
                KernelRules.CURRENT);
    }

    /** As above, with the kernel formulas of {@code rules}. */
    ParzenEstimator(List<Distribution> distributions, double[][] observations, double[] weights,
                    double priorWeight, double categoricalPriorWeight, boolean magicClip, boolean endpoints,
                    KernelRules rules) {
        this.distributions = distributions;
        int n = weights.length;
        this.nKernels = n + 1;
        double[] w = new double[nKernels];
        double total = priorWeight;
        for (int i = 0; i < n; i++) {
            w[i] = weights[i];
            total += weights[i];
        }
        w[n] = priorWeight;
        if (n == 0) {
            w[0] = 1;
            total = 1;
        }
        this.weights = new double[nKernels];
        logWeights = new double[nKernels];
        cumulativeWeights = new double[nKernels];
        double cumulative = 0;
        for (int k = 0; k < nKernels; k++) {
            this.weights[k] = w[k] / total;
            logWeights[k] = Math.log(w[k] / total);
            cumulative += w[k] / total;
            cumulativeWeights[k] = cumulative;
        }
        dimensions = new Dimension[distributions.size()];
        int dims = dimensions.length;
        for (int d = 0; d < dimensions.length; d++) {
            dimensions[d] = switch (distributions.get(d)) {
                case CategoricalDistribution c -> new Categorical(c.choices().size(), observations[d], n, categoricalPriorWeight);
                case FloatDistribution f -> new Numeric(f.low(), f.high(), f.log(), f.step() == null ? 0 : f.step(),
                        false, observations[d], n, magicClip, endpoints, dims, rules);
                case IntDistribution i -> new Numeric(i.low(), i.high(), i.log(), i.step(), true,
                        observations[d], n, magicClip, endpoints, dims, rules);
            };
        }
    }

    /** Draws {@code count} points, each from one kernel chosen by weight; returns {@code [dimension][point]}. */
    double[][] sample(RandomGenerator rng, int count) {
        int[] kernels = new int[count];
        for (int b = 0; b < count; b++) {
            double u = rng.nextDouble();
            int k = java.util.Arrays.binarySearch(cumulativeWeights, u);
            k = k >= 0 ? k : -k - 1;
            kernels[b] = Math.min(k, nKernels - 1);
        }
        double[][] out = new double[dimensions.length][count];
        for (int d = 0; d < dimensions.length; d++) {
            for (int b = 0; b < count; b++) {
                out[d][b] = dimensions[d].sample(kernels[b], rng);
            }
        }
        return out;
    }

    /** The log density of each point ({@code [dimension][point]}) under the mixture. */
    double[] logPdf(double[][] points) {
        int count = points.length == 0 ? 0 : points[0].length;
        double[] out = new double[count];
        double[] acc = new double[nKernels];
        for (int b = 0; b < count; b++) {
            System.arraycopy(logWeights, 0, acc, 0, nKernels);
            for (int d = 0; d < dimensions.length; d++) {
                dimensions[d].addLogPdf(points[d][b], acc);
            }
            out[b] = logSumExp(acc);
        }
        return out;
    }

    List<Distribution> distributions() {
        return distributions;
    }

    /** The mixture's normalised weights, the prior's last. */
    double[] weights() {
        return weights.clone();
    }

    /** A numeric dimension's kernel centres (in the transformed space), the prior's last. */
    double[] mus(int dimension) {
        return ((Numeric) dimensions[dimension]).mu.clone();
    }

    /** A numeric dimension's kernel bandwidths (in the transformed space), the prior's last. */
    double[] sigmas(int dimension) {
        return ((Numeric) dimensions[dimension]).sigma.clone();
    }

    /** A categorical dimension's kernel probabilities {@code [kernel][choice]}, the prior's row last. */
    double[][] categoricalWeights(int dimension) {
        double[][] logP = ((Categorical) dimensions[dimension]).logProbabilities;
        double[][] out = new double[logP.length][];
        for (int k = 0; k < logP.length; k++) {
            out[k] = new double[logP[k].length];
            for (int j = 0; j < logP[k].length; j++) {
                out[k][j] = Math.exp(logP[k][j]);
            }
        }
        return out;
    }

    private static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (v > max) {
                max = v;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : a) {
            double e = v - max;
            // terms below e^-60 of the largest cannot change the sum in double precision
            if (e > -60) {
                sum += Math.exp(e);
            }
        }
        return max + Math.log(sum);
    }

    /** One dimension of every kernel. */
    private sealed interface Dimension permits Numeric, Categorical {

        double sample(int kernel, RandomGenerator rng);

        /** Adds each kernel's log density at {@code x} to {@code acc[kernel]}. */
        void addLogPdf(double x, double[] acc);
    }

    /** Truncated normal kernels on a (log-transformed, step-widened) interval. */
    private static final class Numeric implements Dimension {
        private final double low;
        private final double high;
        private final boolean log;
        private final double step;
        private final boolean integer;
        private final double lowT;
        private final double highT;
        private final double[] mu;
        private final double[] sigma;
        private final double[] invSigma;
        /** {@code -log σ - log √(2π) - log Z} per kernel, for continuous densities. */
        private final double[] logNorm;
        /** {@code log Z}, the kernel's mass on the interval. */
        private final double[] logZ;
        /** Whether the density is the continuous one (no step, or a log integer under {@link KernelRules#logIntPointDensity}). */
        private final boolean continuous;

        Numeric(double low, double high, boolean log, double step, boolean integer, double[] obs, int n,
                boolean magicClip, boolean endpoints, int dimensions, KernelRules rules) {
            this.low = low;
            this.high = high;
            this.log = log;
            this.step = step;
            this.integer = integer;
            double lo = step > 0 ? low - step / 2 : low;
            double hi = step > 0 ? high + step / 2 : high;
            this.lowT = log ? Math.log(lo) : lo;
            this.highT = log ? Math.log(hi) : hi;
            int k = n + 1;
            mu = new double[k];
            sigma = new double[k];
            for (int i = 0; i < n; i++) {
                mu[i] = log ? Math.log(obs[i]) : obs[i];
            }
            mu[n] = 0.5 * (lowT + highT);
            Bandwidths.fill(mu, sigma, n, lowT, highT, dimensions, magicClip, endpoints, rules);
            sigma[n] = highT - lowT;
            continuous = step == 0 || (log && integer && rules.logIntPointDensity());
            invSigma = new double[k];
            logNorm = new double[k];
            logZ = new double[k];
            for (int i = 0; i < k; i++) {
                invSigma[i] = 1 / sigma[i];
                double a = (lowT - mu[i]) * invSigma[i];
                double b = (highT - mu[i]) * invSigma[i];
                // far from both ends the mass is 1 to double precision: skip the error functions
                logZ[i] = (a < -9 && b > 9) ? 0 : Gaussian.logMass(a, b);
                logNorm[i] = (rules.unscaledDensity() ? 0 : -Math.log(sigma[i])) - Gaussian.LOG_SQRT_2PI - logZ[i];
            }
        }

        @Override
        public double sample(int kernel, RandomGenerator rng) {
            double a = (lowT - mu[kernel]) * invSigma[kernel];
            double b = (highT - mu[kernel]) * invSigma[kernel];
            double u = rng.nextDouble();
            double x = mu[kernel] + sigma[kernel] * Gaussian.truncatedQuantile(u, a, b);
            if (log) {
                x = Math.exp(x);
            }
            if (step > 0) {
                x = low + Math.rint((x - low) / step) * step;
            }
            return Math.min(Math.max(x, low), high);
        }

        @Override
        public void addLogPdf(double x, double[] acc) {
            int k = mu.length;
            if (continuous) {
                double xt = log ? Math.log(x) : x;
                for (int i = 0; i < k; i++) {
                    double z = (xt - mu[i]) * invSigma[i];
                    acc[i] += logNorm[i] - 0.5 * z * z;
                }
                return;
            }
            double half = step / 2;
            double lo = log ? Math.log(x - half) : x - half;
            double hi = log ? Math.log(x + half) : x + half;
            for (int i = 0; i < k; i++) {
                double a = (lo - mu[i]) * invSigma[i];
                double b = (hi - mu[i]) * invSigma[i];
                acc[i] += cellLogMass(a, b) - logZ[i];
            }
        }

        /**
         * {@code log(Φ(b) - Φ(a))}; a cell far in a tail (beyond 40 standard deviations) gets its
         * asymptotic value, which is below any other kernel's contribution by hundreds of nats.
         */
        private static double cellLogMass(double a, double b) {
            if (a > 40) {
                return -0.5 * a * a - Math.log(a) - Gaussian.LOG_SQRT_2PI;
            }
            if (b < -40) {
                return -0.5 * b * b - Math.log(-b) - Gaussian.LOG_SQRT_2PI;
            }
            return Gaussian.logMass(a, b);
        }

        @Override
        public String toString() {
            return "Numeric[" + low + ", " + high + (log ? ", log" : "") + (step > 0 ? ", step " + step : "")
                    + (integer ? ", int" : "") + "]";
        }
    }

    /** Categorical kernels: each observation's choice gets weight 1, every choice {@code priorWeight / (n + 1)}. */
    private static final class Categorical implements Dimension {
        private final double[][] logProbabilities;
        private final double[][] cumulative;

        Categorical(int choices, double[] obs, int n, double priorWeight) {
            int k = n + 1;
            logProbabilities = new double[k][choices];
            cumulative = new double[k][choices];
            double base = priorWeight / k;
            for (int i = 0; i < k; i++) {
                double[] row = new double[choices];
                java.util.Arrays.fill(row, base);
                if (i < n) {
                    row[(int) obs[i]] += 1;
                }
                double sum = 0;
                for (double v : row) {
                    sum += v;
                }
                double c = 0;
                for (int j = 0; j < choices; j++) {
                    logProbabilities[i][j] = Math.log(row[j] / sum);
                    c += row[j] / sum;
                    cumulative[i][j] = c;
                }
            }
        }

        @Override
        public double sample(int kernel, RandomGenerator rng) {
            double u = rng.nextDouble();
            double[] c = cumulative[kernel];
            for (int j = 0; j < c.length; j++) {
                if (u <= c[j]) {
                    return j;
                }
            }
            return c.length - 1;
        }

        @Override
        public void addLogPdf(double x, double[] acc) {
            int choice = (int) x;
            for (int i = 0; i < acc.length; i++) {
                acc[i] += logProbabilities[i][choice];
            }
        }
    }
}
