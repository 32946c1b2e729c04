package dev.osprey.optimizer.sampler.tpe;

/**
 * The bandwidths of a numeric dimension's observation kernels, by the rules of {@link KernelRules}:
 * the neighbour-gap rule of Bergstra et al. (NeurIPS 2011) as Optuna refines it, or the Scott-like
 * rule Optuna's multivariate mode took from BOHB (Falkner et al., ICML 2018); then the magic clip.
 */
final class Bandwidths {

    private static final double EPS = 1e-12;

    private Bandwidths() {
    }

    /**
     * Writes the bandwidths of the {@code n} observation kernels {@code mu[0..n-1]} into
     * {@code sigma[0..n-1]}; {@code mu[n]} is the prior's centre, which takes part in the gaps when
     * the rules say so. {@code low} and {@code high} are the (transformed) range's ends.
     */
    static void fill(double[] mu, double[] sigma, int n, double low, double high, int dimensions,
                     boolean magicClip, boolean endpoints, KernelRules rules) {
        if (n == 0) {
            return;
        }
        double range = high - low;
        if (rules.scottBandwidth()) {
            double s = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (dimensions + 4)) * range;
            java.util.Arrays.fill(sigma, 0, n, s);
        } else {
            neighbourGaps(mu, sigma, rules.priorInBandwidths() ? n + 1 : n, low, high, endpoints);
        }
        // n observations and the prior: range / min(100, n + 2)
        double minSigma = magicClip ? range / Math.min(100.0, n + 2) : EPS;
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.min(Math.max(sigma[i], minSigma), range);
        }
    }

    /**
     * Each of {@code mu[0..m-1]} gets the larger gap to its neighbours in sorted order, the range's
     * ends counting as neighbours; without endpoints, the outermost points of two or more use their
     * inner gap only.
     */
    private static void neighbourGaps(double[] mu, double[] sigma, int m, double low, double high, boolean endpoints) {
        int[] order = ArgSort.of(mu, m);
        double[] s = new double[m + 2];
        s[0] = low;
        for (int j = 0; j < m; j++) {
            s[j + 1] = mu[order[j]];
        }
        s[m + 1] = high;
        for (int j = 0; j < m; j++) {
            double gap = Math.max(s[j + 1] - s[j], s[j + 2] - s[j + 1]);
            if (!endpoints && m >= 2 && j == 0) {
                gap = s[2] - s[1];
            } else if (!endpoints && m >= 2 && j == m - 1) {
                gap = s[m] - s[m - 1];
            }
            sigma[order[j]] = gap;
        }
    }
}
