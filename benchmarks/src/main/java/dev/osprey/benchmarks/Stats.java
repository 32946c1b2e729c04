package dev.osprey.benchmarks;

import java.util.Arrays;

/** Summary statistics as numpy computes them (percentiles by linear interpolation). */
final class Stats {

    private Stats() {
    }

    /** The {@code p}-th percentile ({@code 0..100}) of {@code xs}, like {@code numpy.percentile}. */
    static double percentile(double[] xs, double p) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        double pos = (s.length - 1) * p / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        double frac = pos - lo;
        return s[lo] + (s[hi] - s[lo]) * frac;
    }

    static double median(double[] xs) {
        return percentile(xs, 50);
    }

    static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /**
     * The two-sided p-value of the Mann-Whitney U test that {@code xs} and {@code ys} come from one
     * distribution: the normal approximation with the tie correction (as {@code scipy.stats.mannwhitneyu}
     * with {@code method="asymptotic"} and continuity correction).
     */
    static double mannWhitneyP(double[] xs, double[] ys) {
        int n1 = xs.length;
        int n2 = ys.length;
        int n = n1 + n2;
        double[] all = new double[n];
        System.arraycopy(xs, 0, all, 0, n1);
        System.arraycopy(ys, 0, all, n1, n2);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double[] rank = new double[n];
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = r;
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += rank[i];
        }
        double u = r1 - n1 * (n1 + 1) / 2.0;
        double mean = n1 * n2 / 2.0;
        double sd = Math.sqrt(n1 * n2 / 12.0 * ((n + 1) - ties / ((double) n * (n - 1))));
        if (sd == 0) {
            return 1;
        }
        double z = (Math.abs(u - mean) - 0.5) / sd;
        return Math.min(1, erfc(Math.max(z, 0) / Math.sqrt(2)));
    }

    /** The complementary error function, to a relative error below 1.2e-7 (Numerical Recipes' erfcc). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /**
     * The two-sided p-value of the Wilcoxon signed-rank test that the paired differences {@code xs[i] - ys[i]}
     * are centred on zero: zero differences dropped, average ranks for ties, the normal approximation with
     * continuity correction (as {@code scipy.stats.wilcoxon} with {@code correction=True}).
     */
    static double wilcoxonP(double[] xs, double[] ys) {
        int m = 0;
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double diff = xs[i] - ys[i];
            if (diff != 0) {
                d[m++] = diff;
            }
        }
        if (m == 0) {
            return 1;
        }
        double[] abs = new double[m];
        for (int i = 0; i < m; i++) {
            abs[i] = Math.abs(d[i]);
        }
        double[] rank = ranks(abs);
        double ties = tieTerm(abs);
        double wPlus = 0;
        for (int i = 0; i < m; i++) {
            if (d[i] > 0) {
                wPlus += rank[i];
            }
        }
        double mean = m * (m + 1) / 4.0;
        double sd = Math.sqrt(m * (m + 1) * (2 * m + 1) / 24.0 - ties / 48.0);
        if (sd == 0) {
            return 1;
        }
        double z = (Math.abs(wPlus - mean) - 0.5) / sd;
        return Math.min(1, erfc(Math.max(z, 0) / Math.sqrt(2)));
    }

    /** Average ranks (1-based) of {@code xs}. */
    private static double[] ranks(double[] xs) {
        int n = xs.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && xs[order[j + 1]] == xs[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return rank;
    }

    /** {@code Σ (t³ - t)} over groups of {@code t} tied values. */
    private static double tieTerm(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
