package dev.osprey.optimizer;

import dev.osprey.optimizer.internal.Feasibility;
import dev.osprey.optimizer.internal.NonDominatedSort;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated trials of a (multi-objective) study. In a constrained study domination is
 * Deb's constrained domination ({@link Feasibility}): the front holds the feasible trials no
 * feasible trial dominates, or, when no trial is feasible, those with the smallest violation.
 */
final class ParetoFront {

    private ParetoFront() {
    }

    static List<TrialRecord> of(List<TrialRecord> complete, List<Direction> directions) {
        boolean constrained = Feasibility.isConstrained(complete);
        int n = complete.size();
        double[][] losses = new double[n][];
        double[] violations = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = Feasibility.loss(complete.get(i), directions);
            violations[i] = Feasibility.violation(complete.get(i), constrained);
        }
        // only the first front is peeled
        int[] ranks = NonDominatedSort.ranks(losses, constrained ? violations : null, 1);
        List<TrialRecord> front = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (ranks[i] == 0) {
                front.add(complete.get(i));
            }
        }
        return List.copyOf(front);
    }
}
