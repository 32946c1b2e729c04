package dev.osprey.optimizer.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hypervolume subset selection problem: which {@code k} of a set of loss vectors keep the
 * largest hypervolume. Solved greedily, as Optuna's {@code _solve_hssp} does: repeatedly keep the
 * point that adds the most hypervolume to those kept so far, a {@code (1 - 1/e)} approximation
 * since hypervolume is submodular (Guerreiro, Fonseca and Paquete, "Greedy Hypervolume Subset
 * Selection in Low Dimensions", Evolutionary Computation 24(3), 2016).
 *
 * <p>A point's contribution starts as its own box and, when a point {@code s} is kept, drops by
 * what {@code max(p, s)} adds to the kept set: the part of the box of {@code p} that {@code s}
 * now covers.
 */
final class HypervolumeSubset {

    private HypervolumeSubset() {
    }

    /**
     * The indices of the {@code k} points kept, in the order they were chosen (ties go to the lower
     * index). With a reference point that is not finite the contributions are meaningless, and the
     * first {@code k} points are kept, as Optuna does.
     *
     * @param points    {@code [point][objective]}, each no worse than {@code reference}
     * @param k         how many to keep, {@code 0 <= k <= points.length}
     * @param reference the reference point of the hypervolume
     */
    static int[] select(double[][] points, int k, double[] reference) {
        if (k < 0 || k > points.length) {
            throw new IllegalArgumentException("the subset size must be between 0 and the " + points.length
                    + " point(s) to choose from, but it is " + k);
        }
        int[] chosen = new int[k];
        if (Arrays.stream(reference).anyMatch(r -> !Double.isFinite(r))) {
            Arrays.setAll(chosen, i -> i);
            return chosen;
        }
        double[] contribution = new double[points.length];
        for (int j = 0; j < points.length; j++) {
            contribution[j] = Hypervolume.of(new double[][] {points[j]}, reference);
        }
        boolean[] taken = new boolean[points.length];
        List<double[]> kept = new ArrayList<>();
        double keptVolume = 0;
        for (int c = 0; c < k; c++) {
            int best = -1;
            for (int j = 0; j < points.length; j++) {
                if (!taken[j] && (best < 0 || contribution[j] > contribution[best])) {
                    best = j;
                }
            }
            taken[best] = true;
            chosen[c] = best;
            if (c + 1 < k) {
                double[][] withCorner = kept.toArray(new double[kept.size() + 1][]);
                for (int j = 0; j < points.length; j++) {
                    if (!taken[j]) {
                        withCorner[kept.size()] = corner(points[best], points[j]);
                        contribution[j] -= Hypervolume.of(withCorner, reference) - keptVolume;
                    }
                }
            }
            kept.add(points[best]);
            keptVolume = Hypervolume.of(kept.toArray(double[][]::new), reference);
        }
        return chosen;
    }

    /** The coordinate-wise worse of two points: the corner of the region both dominate. */
    private static double[] corner(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = Math.max(a[i], b[i]);
        }
        return c;
    }
}
