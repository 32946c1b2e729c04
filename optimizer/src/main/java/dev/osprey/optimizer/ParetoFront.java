package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.Direction;
import java.util.ArrayList;
import java.util.List;

/** The non-dominated trials of a (multi-objective) study. */
final class ParetoFront {

    private ParetoFront() {
    }

    static List<TrialRecord> of(List<TrialRecord> complete, List<Direction> directions) {
        List<TrialRecord> front = new ArrayList<>();
        for (TrialRecord candidate : complete) {
            boolean dominated = false;
            for (TrialRecord other : complete) {
                if (other != candidate && dominates(other, candidate, directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        return List.copyOf(front);
    }

    /** Whether {@code a} is no worse than {@code b} in every objective and better in one. */
    static boolean dominates(TrialRecord a, TrialRecord b, List<Direction> directions) {
        boolean better = false;
        for (int i = 0; i < directions.size(); i++) {
            double va = a.values().get(i);
            double vb = b.values().get(i);
            if (directions.get(i).isBetter(vb, va)) {
                return false;
            }
            if (directions.get(i).isBetter(va, vb)) {
                better = true;
            }
        }
        return better;
    }
}
