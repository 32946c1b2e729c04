package dev.osprey.optimizer.sampler.cmaes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;

/**
 * The model of CMA-ES, ask and tell on the unit cube {@code [0, 1]^n}, after Hansen's tutorial
 * ("The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772, 2016): weighted recombination with
 * negative weights, cumulative step-size adaptation, rank-one and rank-mu covariance updates and
 * the tutorial's termination tests. With {@code separable} it is sep-CMA-ES (Ros and Hansen, "A
 * Simple Modification in CMA-ES Achieving Linear Time and Space Complexity", PPSN 2008): a diagonal
 * covariance with its learning rates scaled by {@code (n + 2) / 3}. With learning-rate adaptation
 * ({@link LearningRateAdaptation}) it is LRA-CMA-ES.
 *
 * <p>Mutable; {@link #copy()} makes an independent copy. Knows nothing of trials or storage.
 */
final class CmaEvolution {

    private static final double EPS = 1e-8;
    private static final double SIGMA_MAX = 1e32;
    private static final int MAX_RESAMPLING = 100;

    final int n;
    final int popsize;
    final boolean separable;
    private final int mu;
    private final double[] weights;
    private final double mueff;
    private final double cc;
    private final double cs;
    private final double c1;
    private final double cmu;
    private final double damps;
    private final double chiN;
    private final double tolx;
    private final int funhistTerm;

    double[] mean;
    double sigma;
    double[][] cov;
    private double[] pc;
    private double[] ps;
    private int generation;
    private final double[] funhist;
    private LearningRateAdaptation lra;
    private double[][] axes;
    private double[] scales;

    CmaEvolution(double[] mean, double sigma, double[][] cov, int popsize, boolean separable, boolean lrAdapt) {
        if (mean.length < 2) {
            throw new IllegalArgumentException("CMA-ES needs at least 2 dimensions, but got " + mean.length);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be positive, but got " + sigma);
        }
        if (popsize < 2) {
            throw new IllegalArgumentException("popsize must be >= 2, but got " + popsize);
        }
        this.n = mean.length;
        this.popsize = popsize;
        this.separable = separable;
        this.mu = popsize / 2;
        if (separable) {
            weights = new double[mu];
            double sum = 0;
            for (int i = 0; i < mu; i++) {
                weights[i] = Math.log(mu + 1) - Math.log(i + 1);
                sum += weights[i];
            }
            double sq = 0;
            for (int i = 0; i < mu; i++) {
                weights[i] /= sum;
                sq += weights[i] * weights[i];
            }
            mueff = 1 / sq;
            c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
            double cmuFull = 2 / mueff / ((n + Math.sqrt(2)) * (n + Math.sqrt(2)))
                    + (1 - 1 / mueff) * Math.min(1, (2 * mueff - 1) / ((n + 2) * (n + 2) + mueff));
            cmu = (n + 2) / 3.0 * cmuFull;
            cs = (mueff + 2) / (n + mueff + 3);
            cc = 4.0 / (n + 4);
        } else {
            double[] prime = new double[popsize];
            for (int i = 0; i < popsize; i++) {
                prime[i] = Math.log((popsize + 1) / 2.0) - Math.log(i + 1);
            }
            mueff = squaredSumRatio(prime, 0, mu);
            double mueffMinus = squaredSumRatio(prime, mu, popsize);
            c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
            cmu = Math.min(1 - c1 - 1e-8, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
            double minAlpha = Math.min(1 + c1 / cmu,
                    Math.min(1 + 2 * mueffMinus / (mueff + 2), (1 - c1 - cmu) / (n * cmu)));
            double positive = 0;
            double negative = 0;
            for (double w : prime) {
                if (w > 0) {
                    positive += w;
                } else {
                    negative -= w;
                }
            }
            weights = new double[popsize];
            for (int i = 0; i < popsize; i++) {
                weights[i] = prime[i] >= 0 ? prime[i] / positive : minAlpha * prime[i] / negative;
            }
            cs = (mueff + 2) / (n + mueff + 5);
            cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        }
        damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        this.mean = mean.clone();
        this.sigma = sigma;
        this.cov = new double[n][];
        for (int i = 0; i < n; i++) {
            this.cov[i] = cov == null ? unit(n, i) : cov[i].clone();
        }
        pc = new double[n];
        ps = new double[n];
        tolx = 1e-12 * sigma;
        funhistTerm = 10 + (int) Math.ceil(30.0 * n / popsize);
        funhist = new double[2 * funhistTerm];
        lra = lrAdapt ? new LearningRateAdaptation(n) : null;
    }

    private CmaEvolution(CmaEvolution o) {
        n = o.n;
        popsize = o.popsize;
        separable = o.separable;
        mu = o.mu;
        weights = o.weights;
        mueff = o.mueff;
        cc = o.cc;
        cs = o.cs;
        c1 = o.c1;
        cmu = o.cmu;
        damps = o.damps;
        chiN = o.chiN;
        tolx = o.tolx;
        funhistTerm = o.funhistTerm;
        mean = o.mean.clone();
        sigma = o.sigma;
        cov = new double[n][];
        for (int i = 0; i < n; i++) {
            cov[i] = o.cov[i].clone();
        }
        pc = o.pc.clone();
        ps = o.ps.clone();
        generation = o.generation;
        funhist = o.funhist.clone();
        lra = o.lra == null ? null : o.lra.copy();
        axes = o.axes;
        scales = o.scales;
    }

    CmaEvolution copy() {
        return new CmaEvolution(this);
    }

    /** How many times the distribution was updated. */
    int generation() {
        return generation;
    }

    /** {@code (sum w)^2 / sum w^2} over {@code w[from..to)}: the variance effective selection mass. */
    private static double squaredSumRatio(double[] w, int from, int to) {
        double sum = 0;
        double sq = 0;
        for (int i = from; i < to; i++) {
            sum += w[i];
            sq += w[i] * w[i];
        }
        return sq == 0 ? 1 : sum * sum / sq;
    }

    private static double[] unit(int n, int i) {
        double[] row = new double[n];
        row[i] = 1;
        return row;
    }

    /** A point drawn from {@code N(mean, sigma^2 C)}, redrawn up to 100 times to land in the unit cube, else clipped. */
    double[] ask(RandomGenerator rng) {
        decompose();
        double[] x = null;
        for (int attempt = 0; attempt <= MAX_RESAMPLING; attempt++) {
            x = draw(rng);
            if (inCube(x)) {
                return x;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = Double.isNaN(x[i]) ? 0.5 : Math.min(1, Math.max(0, x[i]));
        }
        return x;
    }

    /** An unconstrained draw from {@code N(mean, sigma^2 C)}. */
    double[] draw(RandomGenerator rng) {
        decompose();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = scales[i] * rng.nextGaussian();
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double y = 0;
            for (int k = 0; k < n; k++) {
                y += axes[i][k] * z[k];
            }
            x[i] = mean[i] + sigma * y;
        }
        return x;
    }

    private static boolean inCube(double[] x) {
        for (double v : x) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
        }
        return true;
    }

    /** Updates the distribution from one generation: {@code xs.length == popsize} points and their values (lower is better). */
    void tell(double[][] xs, double[] values) {
        if (xs.length != popsize || values.length != popsize) {
            throw new IllegalArgumentException("a generation has " + popsize + " points, but got " + xs.length);
        }
        Integer[] order = new Integer[popsize];
        for (int i = 0; i < popsize; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(values[i]) ? Double.POSITIVE_INFINITY : values[i]));
        generation++;
        int slot = 2 * (generation % funhistTerm);
        funhist[slot] = values[order[0]];
        funhist[slot + 1] = values[order[popsize - 1]];

        decompose();
        double[][] oldAxes = axes;
        double[] oldScales = scales;
        double[] oldMean = mean.clone();
        double oldSigma = sigma;
        double[][] oldCov = lra == null ? null : copyOf(cov);
        axes = null;

        double[][] y = new double[popsize][];
        for (int k = 0; k < popsize; k++) {
            double[] x = xs[order[k]];
            y[k] = new double[n];
            for (int i = 0; i < n; i++) {
                y[k][i] = (x[i] - mean[i]) / sigma;
            }
        }
        double[] yw = new double[n];
        for (int k = 0; k < mu; k++) {
            for (int i = 0; i < n; i++) {
                yw[i] += weights[k] * y[k][i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += sigma * yw[i];
        }
        double[] whitened = whiten(oldAxes, oldScales, yw);
        double psFactor = Math.sqrt(cs * (2 - cs) * mueff);
        double psNorm = 0;
        for (int i = 0; i < n; i++) {
            ps[i] = (1 - cs) * ps[i] + psFactor * whitened[i];
            psNorm += ps[i] * ps[i];
        }
        psNorm = Math.sqrt(psNorm);
        sigma = Math.min(sigma * Math.exp(cs / damps * (psNorm / chiN - 1)), SIGMA_MAX);
        double hsigLeft = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * (generation + 1)));
        double hsig = hsigLeft < (1.4 + 2.0 / (n + 1)) * chiN ? 1 : 0;
        double pcFactor = hsig * Math.sqrt(cc * (2 - cc) * mueff);
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * pc[i] + pcFactor * yw[i];
        }
        double deltaHsig = (1 - hsig) * cc * (2 - cc);
        double weightSum = 0;
        for (double w : weights) {
            weightSum += w;
        }
        double decay = 1 + c1 * deltaHsig - c1 - cmu * weightSum;
        double[] wio = weights.clone();
        if (!separable) {
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] < 0) {
                    double[] v = whiten(oldAxes, oldScales, y[k]);
                    double sq = 0;
                    for (double c : v) {
                        sq += c * c;
                    }
                    wio[k] = weights[k] * n / (sq + EPS);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = separable ? i : 0; j <= (separable ? i : n - 1); j++) {
                double rankMu = 0;
                for (int k = 0; k < wio.length; k++) {
                    rankMu += wio[k] * y[k][i] * y[k][j];
                }
                cov[i][j] = decay * cov[i][j] + c1 * pc[i] * pc[j] + cmu * rankMu;
            }
        }
        if (lra != null) {
            lra.adapt(this, oldMean, oldSigma, oldCov, oldAxes, oldScales);
        }
    }

    /** {@code C^{-1/2} v} for the decomposition {@code C = B diag(d^2) B^T}. */
    private static double[] whiten(double[][] b, double[] d, double[] v) {
        int n = v.length;
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += b[i][k] * v[i];
            }
            t[k] = s / d[k];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += b[i][k] * t[k];
            }
            out[i] = s;
        }
        return out;
    }

    static double[][] copyOf(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    /** Decomposes C into axes and scales once per update; negative eigenvalues (rounding) become tiny positive ones. */
    void decompose() {
        if (axes != null) {
            return;
        }
        if (separable) {
            axes = new double[n][n];
            scales = new double[n];
            for (int i = 0; i < n; i++) {
                axes[i][i] = 1;
                scales[i] = Math.sqrt(cov[i][i] < 0 ? EPS : cov[i][i]);
                cov[i][i] = scales[i] * scales[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = (cov[i][j] + cov[j][i]) / 2;
                cov[i][j] = s;
                cov[j][i] = s;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(cov);
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            double v = eigen.values()[k];
            d[k] = Math.sqrt(v < 0 || Double.isNaN(v) ? EPS : v);
        }
        double[][] b = eigen.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += b[i][k] * d[k] * d[k] * b[j][k];
                }
                cov[i][j] = s;
            }
        }
        axes = b;
        scales = d;
    }

    /** Invalidates the decomposition after {@code cov} changed outside {@link #tell}. */
    void covarianceChanged() {
        axes = null;
    }

    /** The standard deviation of the distribution along coordinate {@code i}, without sigma. */
    double axisScale(int i) {
        return Math.sqrt(Math.max(cov[i][i], 0));
    }

    /** Hansen's termination tests: flat values, tiny or diverging steps, no effect of an axis, ill conditioning. */
    boolean shouldStop() {
        decompose();
        if (generation > funhistTerm) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double v : funhist) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            if (max - min < 1e-12) {
                return true;
            }
        }
        boolean tiny = true;
        double maxScale = 0;
        double minScale = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            tiny &= sigma * cov[i][i] < tolx && sigma * pc[i] < tolx;
            maxScale = Math.max(maxScale, scales[i]);
            minScale = Math.min(minScale, scales[i]);
            if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(cov[i][i])) {
                return true;
            }
        }
        if (tiny || sigma * maxScale > 1e4) {
            return true;
        }
        int axis = generation % n;
        boolean noEffect = true;
        for (int i = 0; i < n; i++) {
            noEffect &= mean[i] == mean[i] + 0.1 * sigma * scales[axis] * axes[i][axis];
        }
        return noEffect || maxScale / minScale > 1e14 || !Double.isFinite(sigma);
    }
}
