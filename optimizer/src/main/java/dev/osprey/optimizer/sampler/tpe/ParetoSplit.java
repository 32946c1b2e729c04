package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.internal.NonDominatedSort;
import dev.osprey.optimizer.pareto.Hypervolume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The multi-objective TPE split and weights (Ozaki, Tanigaki, Watanabe and Onishi, "Multiobjective
 * Tree-Structured Parzen Estimator for Computationally Expensive Optimization Problems", GECCO
 * 2020; Ozaki, Tanigaki, Watanabe, Nomura and Onishi, "Multiobjective Tree-Structured Parzen
 * Estimator", JAIR 73, 2022), as Optuna 3.1's {@code TPESampler} does it for studies with several
 * objectives. All losses are minimised: callers negate the values of maximised objectives.
 *
 * <ul>
 * <li>{@link #below}: the "good" group takes whole non-domination ranks, best first, while they
 *     fit; the rank that does not fit is cut by greedy hypervolume subset selection
 *     ({@link HypervolumeSubset}) against {@link #referencePoint} of that rank.</li>
 * <li>{@link #weights}: the good observations are weighted by their hypervolume contributions
 *     within the good group (Optuna's {@code _calculate_weights_below_for_multi_objective}):
 *     {@code (c + 1e-12) / max(c + 1e-12)}, so a point that adds nothing (dominated within the
 *     group, or a duplicate) keeps a tiny weight rather than none.</li>
 * </ul>
 */
final class ParetoSplit {

    /** Optuna's epsilon: a zero reference coordinate becomes it, and it is added to every contribution. */
    static final double EPS = 1e-12;

    private ParetoSplit() {
    }

    /**
     * The indices of the {@code nBelow} good points, ascending.
     *
     * @param losses {@code [point][objective]} in trial order
     * @param nBelow the size of the good group, {@code 0 <= nBelow <= losses.length}
     */
    static int[] below(double[][] losses, int nBelow) {
        if (nBelow < 0 || nBelow > losses.length) {
            throw new IllegalArgumentException("the good group must hold between 0 and the " + losses.length
                    + " observation(s), but its size is " + nBelow);
        }
        boolean[] good = new boolean[losses.length];
        int taken = 0;
        if (nBelow > 0) {
            int[] ranks = NonDominatedSort.ranks(losses, nBelow);
            int rank = 0;
            while (taken < nBelow) {
                List<Integer> members = withRank(ranks, rank);
                if (taken + members.size() > nBelow) {
                    double[][] front = new double[members.size()][];
                    for (int i = 0; i < front.length; i++) {
                        front[i] = losses[members.get(i)];
                    }
                    for (int i : HypervolumeSubset.select(front, nBelow - taken, referencePoint(front))) {
                        good[members.get(i)] = true;
                    }
                    taken = nBelow;
                } else {
                    members.forEach(i -> good[i] = true);
                    taken += members.size();
                    rank++;
                }
            }
        }
        int[] below = new int[nBelow];
        for (int i = 0, k = 0; i < good.length; i++) {
            if (good[i]) {
                below[k++] = i;
            }
        }
        return below;
    }

    /**
     * The weights of the good observations: their hypervolume contributions within the group,
     * plus {@link #EPS}, divided by the largest. One observation weighs 1; so does every one when
     * the reference point or the hypervolume is not finite.
     *
     * @param below {@code [point][objective]}, the good group's losses
     */
    static double[] weights(double[][] below) {
        double[] weights = new double[below.length];
        Arrays.fill(weights, 1.0);
        if (below.length <= 1) {
            return weights;
        }
        double[] reference = referencePoint(below);
        if (Arrays.stream(reference).anyMatch(r -> !Double.isFinite(r))
                || !Double.isFinite(Hypervolume.of(below, reference))) {
            return weights;
        }
        double[] contributions = Hypervolume.contributions(below, reference);
        double max = 0;
        for (int i = 0; i < contributions.length; i++) {
            contributions[i] += EPS;
            max = Math.max(max, contributions[i]);
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.min(1.0, contributions[i] / max);
        }
        return weights;
    }

    /**
     * Optuna's reference point: 10% beyond the worst value of each objective, on either side of
     * zero ({@code max(1.1 w, 0.9 w)}); a coordinate that comes out 0 becomes {@link #EPS}.
     */
    static double[] referencePoint(double[][] losses) {
        if (losses.length == 0) {
            throw new IllegalArgumentException("a reference point needs at least one loss vector, but there are none");
        }
        double[] reference = new double[losses[0].length];
        Arrays.fill(reference, Double.NEGATIVE_INFINITY);
        for (double[] loss : losses) {
            for (int k = 0; k < reference.length; k++) {
                reference[k] = Math.max(reference[k], loss[k]);
            }
        }
        for (int k = 0; k < reference.length; k++) {
            double worst = reference[k];
            reference[k] = Math.max(1.1 * worst, 0.9 * worst);
            if (reference[k] == 0) {
                reference[k] = EPS;
            }
        }
        return reference;
    }

    private static List<Integer> withRank(int[] ranks, int rank) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] == rank) {
                members.add(i);
            }
        }
        return members;
    }
}
