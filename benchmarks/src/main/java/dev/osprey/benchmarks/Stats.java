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
}
