package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's elitist survival (Deb, Pratap, Agarwal and Meyarivan, "A Fast and Elitist
 * Multiobjective Genetic Algorithm: NSGA-II", IEEE TEVC 6(2), 2002): the fast non-dominated sort
 * splits a population into fronts, whole fronts survive while they fit, and the front that does
 * not fit keeps its least crowded members. Crowding distance is Optuna 3.1's: per objective, the
 * gap between a member's two neighbours over the objective's range, with the extremes at
 * infinity.
 */
final class Survival {

    private Survival() {
    }

    /** The {@code size} survivors of {@code population}, best front first (all of it if it is no larger). */
    static List<TrialRecord> select(List<TrialRecord> population, int size, List<Direction> directions) {
        List<TrialRecord> elite = new ArrayList<>(size);
        for (List<TrialRecord> front : fronts(population, directions)) {
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

    /** Deb's fast non-dominated sort: the fronts of {@code population}, each in population order. */
    static List<List<TrialRecord>> fronts(List<TrialRecord> population, List<Direction> directions) {
        int n = population.size();
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(population.get(i), population.get(j), directions)) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(population.get(j), population.get(i), directions)) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<List<TrialRecord>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        while (!current.isEmpty()) {
            List<TrialRecord> front = new ArrayList<>(current.size());
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                front.add(population.get(i));
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            next.sort(null);
            fronts.add(front);
            current = next;
        }
        return fronts;
    }

    /** Whether {@code a} is no worse than {@code b} in every objective and better in one. */
    static boolean dominates(TrialRecord a, TrialRecord b, List<Direction> directions) {
        boolean better = false;
        for (int k = 0; k < directions.size(); k++) {
            double va = a.values().get(k);
            double vb = b.values().get(k);
            if (directions.get(k).isBetter(vb, va)) {
                return false;
            }
            better |= directions.get(k).isBetter(va, vb);
        }
        return better;
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
