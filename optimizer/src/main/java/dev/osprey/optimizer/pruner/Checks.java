package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

/** Argument checks and step arithmetic shared by the pruners. */
final class Checks {

    private Checks() {
    }

    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", but got " + value);
        }
    }

    /** Rejects NaN as well as values below {@code min}. */
    static void atLeast(String name, double value, double min) {
        if (!(value >= min)) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", but got " + value);
        }
    }

    /**
     * Whether {@code step} is the first reported step at or after its pruning point: pruning points
     * are {@code nWarmup + k * interval}, and a check is due once per interval, at the first report
     * that reaches it.
     */
    static boolean isFirstInIntervalStep(TrialRecord trial, int step, int nWarmup, int interval) {
        int nearestLower = Math.floorDiv(step - nWarmup, interval) * interval + nWarmup;
        Integer previous = trial.intermediateValues().headMap(step).isEmpty()
                ? null : trial.intermediateValues().headMap(step).lastKey();
        return previous == null || previous < nearestLower;
    }

    /** The best intermediate value so far, ignoring NaN; NaN if every value is NaN. */
    static double bestIntermediate(TrialRecord trial, Direction direction) {
        double best = Double.NaN;
        for (double v : trial.intermediateValues().values()) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(best) || direction.isBetter(v, best)) {
                best = v;
            }
        }
        return best;
    }
}
