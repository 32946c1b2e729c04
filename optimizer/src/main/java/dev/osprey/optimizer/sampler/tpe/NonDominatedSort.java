package dev.osprey.optimizer.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Non-domination ranks of loss vectors, every objective minimised (callers negate the values of
 * maximised objectives): rank 0 is the Pareto front, rank 1 the front of what remains, and so on
 * (Deb, Pratap, Agarwal and Meyarivan, "A Fast and Elitist Multiobjective Genetic Algorithm:
 * NSGA-II", IEEE TEVC 6(2), 2002). Identical vectors share a rank, since neither dominates the
 * other.
 *
 * <p>Fronts are peeled one after another, each found with a running set of non-dominated
 * candidates, so a front of F points among R costs {@code O(R F M)}; peeling can stop once enough
 * points are ranked, as TPE only needs the fronts that fill its "good" group.
 */
final class NonDominatedSort {

    private NonDominatedSort() {
    }

    /** The rank of every point. */
    static int[] ranks(double[][] losses) {
        return ranks(losses, losses.length);
    }

    /**
     * The ranks of the fronts that hold the first {@code enough} points (whole fronts, so possibly
     * more); every point after them gets the next rank.
     *
     * @param losses {@code [point][objective]}, all rows of one length
     */
    static int[] ranks(double[][] losses, int enough) {
        int objectives = losses.length == 0 ? 0 : losses[0].length;
        for (int i = 0; i < losses.length; i++) {
            if (losses[i].length != objectives) {
                throw new IllegalArgumentException("every loss vector must have " + objectives
                        + " objective(s) like the first, but vector " + i + " has " + losses[i].length);
            }
            for (double v : losses[i]) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("loss vectors must not hold NaN, but vector " + i
                            + " is " + Arrays.toString(losses[i]));
                }
            }
        }
        int[] ranks = new int[losses.length];
        List<Integer> remaining = new ArrayList<>(losses.length);
        for (int i = 0; i < losses.length; i++) {
            remaining.add(i);
        }
        int rank = 0;
        int ranked = 0;
        while (!remaining.isEmpty() && ranked < enough) {
            List<Integer> front = front(losses, remaining);
            for (int i : front) {
                ranks[i] = rank;
            }
            ranked += front.size();
            remaining.removeAll(front);
            rank++;
        }
        for (int i : remaining) {
            ranks[i] = rank;
        }
        return ranks;
    }

    /**
     * The points of {@code candidates} that no other candidate dominates, in their order. A point
     * dominated by an earlier one is dominated by a member of the running front (domination is
     * transitive), so comparing with the running front suffices.
     */
    private static List<Integer> front(double[][] losses, List<Integer> candidates) {
        List<Integer> front = new ArrayList<>();
        for (int i : candidates) {
            boolean dominated = false;
            for (Iterator<Integer> it = front.iterator(); it.hasNext(); ) {
                int j = it.next();
                if (dominates(losses[j], losses[i])) {
                    dominated = true;
                    break;
                }
                if (dominates(losses[i], losses[j])) {
                    it.remove();
                }
            }
            if (!dominated) {
                front.add(i);
            }
        }
        front.sort(null);
        return front;
    }

    /** Whether {@code a} is no worse than {@code b} in every objective and better in at least one. */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            if (a[k] < b[k]) {
                better = true;
            }
        }
        return better;
    }
}
