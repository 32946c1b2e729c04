package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The COMPLETE trials of a multi-objective study as loss vectors (maximised objectives negated),
 * and the good group that {@link ParetoSplit} draws from them with its weights. The split is
 * computed once per number of COMPLETE trials and group size: finished trials never change, so
 * that count identifies the set, and independent sampling asks for the same split once per
 * parameter.
 *
 * <p>In a constrained study (some trial carries constraint values) the good group follows Optuna
 * 3.1's constrained TPE: drawn from the feasible trials when there are enough, else every feasible
 * trial plus the least violating.
 */
final class ParetoHistory {

    private final List<Direction> directions;
    private double[][] losses = new double[64][];
    private final BitSet complete = new BitSet();
    /** Each COMPLETE trial's total constraint violation; NaN for a trial without constraint values. */
    private double[] violations = new double[64];
    private boolean constrained;
    private int splitComplete = -1;
    private int splitSize = -1;
    private BitSet split = new BitSet();
    private final Map<Integer, Double> weights = new HashMap<>();

    ParetoHistory(List<Direction> directions) {
        this.directions = List.copyOf(directions);
    }

    /** Records a COMPLETE trial. */
    void add(TrialRecord t) {
        if (t.values().size() != directions.size()) {
            throw new IllegalStateException("a COMPLETE trial of a study with " + directions.size()
                    + " objectives must have as many values, but trial " + t.number() + " has " + t.values());
        }
        double[] loss = new double[directions.size()];
        for (int k = 0; k < loss.length; k++) {
            double v = t.values().get(k);
            loss[k] = directions.get(k) == Direction.MAXIMIZE ? -v : v;
        }
        if (t.number() >= losses.length) {
            losses = Arrays.copyOf(losses, Math.max(t.number() + 1, losses.length * 2));
            violations = Arrays.copyOf(violations, losses.length);
        }
        violations[t.number()] = t.constraintViolation().orElse(Double.NaN);
        constrained |= !Double.isNaN(violations[t.number()]);
        losses[t.number()] = loss;
        complete.set(t.number());
    }

    /** The numbers of the {@code nBelow} good COMPLETE trials (all of them if there are fewer). */
    BitSet below(int nBelow) {
        int n = complete.cardinality();
        if (splitComplete != n || splitSize != nBelow) {
            int[] numbers = complete.stream().toArray();
            double[][] all = new double[n][];
            for (int i = 0; i < n; i++) {
                all[i] = losses[numbers[i]];
            }
            int[] good = constrained
                    ? constrainedBelow(numbers, all, Math.min(nBelow, n))
                    : ParetoSplit.below(all, Math.min(nBelow, n));
            double[][] goodLosses = new double[good.length][];
            for (int i = 0; i < good.length; i++) {
                goodLosses[i] = all[good[i]];
            }
            double[] goodWeights = ParetoSplit.weights(goodLosses);
            split = new BitSet();
            weights.clear();
            for (int i = 0; i < good.length; i++) {
                split.set(numbers[good[i]]);
                weights.put(numbers[good[i]], goodWeights[i]);
            }
            splitComplete = n;
            splitSize = nBelow;
        }
        return (BitSet) split.clone();
    }

    /**
     * Optuna 3.1's constrained split: the Pareto split of the feasible trials when there are at
     * least {@code nBelow} of them; otherwise every feasible trial and then the least violating
     * (ties by trial number). Indices into {@code numbers}, ascending.
     */
    private int[] constrainedBelow(int[] numbers, double[][] all, int nBelow) {
        List<Integer> feasible = new java.util.ArrayList<>();
        List<Integer> infeasible = new java.util.ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            (violation(numbers[i]) <= 0 ? feasible : infeasible).add(i);
        }
        int[] chosen;
        if (feasible.size() >= nBelow) {
            double[][] feasibleLosses = new double[feasible.size()][];
            for (int i = 0; i < feasibleLosses.length; i++) {
                feasibleLosses[i] = all[feasible.get(i)];
            }
            int[] picked = ParetoSplit.below(feasibleLosses, nBelow);
            chosen = new int[picked.length];
            for (int i = 0; i < picked.length; i++) {
                chosen[i] = feasible.get(picked[i]);
            }
        } else {
            infeasible.sort(java.util.Comparator.<Integer>comparingDouble(i -> violation(numbers[i]))
                    .thenComparingInt(i -> i));
            List<Integer> taken = new java.util.ArrayList<>(feasible);
            taken.addAll(infeasible.subList(0, nBelow - feasible.size()));
            chosen = taken.stream().mapToInt(Integer::intValue).toArray();
        }
        Arrays.sort(chosen);
        return chosen;
    }

    private double violation(int number) {
        return Double.isNaN(violations[number]) ? Double.POSITIVE_INFINITY : violations[number];
    }

    /** The weight of a good trial of the last {@link #below} split. */
    double weight(int number) {
        Double w = weights.get(number);
        if (w == null) {
            throw new IllegalArgumentException("only trials of the good group have a weight, but trial "
                    + number + " is not in it");
        }
        return w;
    }
}
