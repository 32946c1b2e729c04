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
 */
final class ParetoHistory {

    private final List<Direction> directions;
    private double[][] losses = new double[64][];
    private final BitSet complete = new BitSet();
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
        }
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
            int[] good = ParetoSplit.below(all, Math.min(nBelow, n));
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
