package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.internal.Feasibility;
import dev.osprey.optimizer.internal.NonDominatedSort;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's elitist survival (Deb, Pratap, Agarwal and Meyarivan, "A Fast and Elitist
 * Multiobjective Genetic Algorithm: NSGA-II", IEEE TEVC 6(2), 2002): non-dominated sorting
 * splits a population into fronts, whole fronts survive while they fit, and the front that does
 * not fit keeps its least crowded members. Crowding distance is Optuna 3.1's: per objective, the
 * gap between a member's two neighbours over the objective's range, with the extremes at
 * infinity. In a constrained study, Deb's constrained domination orders the fronts: feasible
 * trials first, infeasible ones by their total violation (Deb, "An efficient constraint handling
 * method for genetic algorithms", CMAME 186, 2000).
 */
final class Survival {

    private Survival() {
    }

    /** The {@code size} survivors of {@code population}, best front first (all of it if it is no larger). */
    static List<TrialRecord> select(List<TrialRecord> population, int size, List<Direction> directions,
                                    boolean constrained) {
        List<TrialRecord> elite = new ArrayList<>(size);
        for (List<TrialRecord> front : fronts(population, directions, constrained)) {
            if (elite.size() + front.size() <= size) {
                elite.addAll(front);
            } else {
                double[] distance = crowdingDistances(front);
                Integer[] order = new Integer[front.size()];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -distance[i])
                        .thenComparingInt(i -> front.get(i).number()));
                for (int i = 0; elite.size() < size; i++) {
                    elite.add(front.get(order[i]));
                }
            }
            if (elite.size() == size) {
                break;
            }
        }
        return elite;
    }

    /**
     * The fronts of {@code population} by (constrained) non-domination rank ({@link NonDominatedSort}),
     * each in population order; in a constrained study feasible trials first, infeasible ones by
     * violation.
     */
    static List<List<TrialRecord>> fronts(List<TrialRecord> population, List<Direction> directions,
                                          boolean constrained) {
        int n = population.size();
        double[][] losses = new double[n][];
        double[] violations = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = Feasibility.loss(population.get(i), directions);
            violations[i] = Feasibility.violation(population.get(i), constrained);
        }
        int[] ranks = NonDominatedSort.ranks(losses, constrained ? violations : null, n);
        List<List<TrialRecord>> fronts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            while (fronts.size() <= ranks[i]) {
                fronts.add(new ArrayList<>());
            }
            fronts.get(ranks[i]).add(population.get(i));
        }
        return fronts;
    }

    /** Whether {@code a} (constrained-)dominates {@code b}. */
    static boolean dominates(TrialRecord a, TrialRecord b, List<Direction> directions, boolean constrained) {
        return Feasibility.constrainedDominates(Feasibility.loss(a, directions), Feasibility.violation(a, constrained),
                Feasibility.loss(b, directions), Feasibility.violation(b, constrained));
    }

    /**
     * Each member's crowding distance: the sum over objectives of the gap between its neighbours
     * in that objective, divided by the objective's range; the lowest and highest members get
     * infinity, equal neighbours a gap of 0, and an objective where all members agree adds nothing.
     */
    static double[] crowdingDistances(List<TrialRecord> front) {
        int n = front.size();
        double[] distance = new double[n];
        if (n == 0) {
            return distance;
        }
        int objectives = front.get(0).values().size();
        for (int k = 0; k < objectives; k++) {
            int objective = k;
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingDouble(i -> front.get(i).values().get(objective)));
            double low = front.get(order[0]).values().get(k);
            double high = front.get(order[n - 1]).values().get(k);
            if (low == high) {
                continue;
            }
            double width = high - low;
            for (int r = 0; r < n; r++) {
                double below = r == 0 ? Double.NEGATIVE_INFINITY : front.get(order[r - 1]).values().get(k);
                double above = r == n - 1 ? Double.POSITIVE_INFINITY : front.get(order[r + 1]).values().get(k);
                distance[order[r]] += below == above ? 0 : (above - below) / width;
            }
        }
        return distance;
    }
}
