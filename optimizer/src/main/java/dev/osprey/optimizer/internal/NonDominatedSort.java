package dev.osprey.optimizer.internal;

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
 * points are ranked, as TPE only needs the fronts that fill its "good" group, and the study's
 * Pareto front only the first.
 *
 * <p>With violations (Deb's constrained domination, see {@link Feasibility}), the feasible points
 * ({@code violation <= 0}) are ranked as above, and the infeasible ones follow, one rank per
 * distinct violation in increasing order: the same partition as Deb's pairwise sort with
 * {@link Feasibility#constrainedDominates}, at a fraction of its cost. This is the one
 * non-dominated sort of the optimizer: NSGA-II's and NSGA-III's survival, TPE's good group and the
 * study's Pareto front all rank with it.
 */
public final class NonDominatedSort {

    private NonDominatedSort() {
    }

    /** The rank of every point. */
    public static int[] ranks(double[][] losses) {
        return ranks(losses, losses.length);
    }

    /**
     * The ranks of the fronts that hold the first {@code enough} points (whole fronts, so possibly
     * more); every point after them gets the next rank.
     *
     * @param losses {@code [point][objective]}, all rows of one length
     */
    public static int[] ranks(double[][] losses, int enough) {
        return ranks(losses, null, enough);
    }

    /**
     * The constrained ranks of the fronts that hold the first {@code enough} points: feasible
     * points by their losses, then infeasible ones by violation, equal violations sharing a rank.
     *
     * @param violations each point's total violation ({@code 0} when feasible), or null when
     *                   unconstrained
     */
    public static int[] ranks(double[][] losses, double[] violations, int enough) {
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
        List<Integer> infeasible = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            if (violations != null && violations[i] > 0) {
                infeasible.add(i);
            } else {
                remaining.add(i);
            }
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
        // infeasible points after every feasible one, by violation; peeling stops as above
        infeasible.sort(java.util.Comparator.comparingDouble(i -> violations[i]));
        boolean cut = ranked >= enough;
        for (int k = 0; k < infeasible.size(); k++) {
            int i = infeasible.get(k);
            if (k > 0 && violations[i] > violations[infeasible.get(k - 1)] && !cut) {
                rank++;
                cut = ranked >= enough;
            }
            ranks[i] = rank;
            ranked++;
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
    public static boolean dominates(double[] a, double[] b) {
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
