package dev.osprey.optimizer.internal;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;

/**
 * Feasibility and constrained domination, shared by the samplers and the study's results (Deb,
 * "An efficient constraint handling method for genetic algorithms", CMAME 186, 2000, as Optuna's
 * NSGA-II applies it). A study is constrained once any trial carries constraint values; in a
 * constrained study a COMPLETE trial without them counts as infeasible with an infinite violation,
 * as Optuna 3.1 treats such a trial (dominated by every trial with values).
 */
public final class Feasibility {

    private Feasibility() {
    }

    /** Whether any of {@code trials} carries constraint values. */
    public static boolean isConstrained(List<TrialRecord> trials) {
        for (TrialRecord t : trials) {
            if (t.systemAttrs().containsKey(TrialRecord.CONSTRAINTS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A trial's total violation {@code sum(max(0, c))}: 0 in an unconstrained study, infinity for a
     * trial without constraint values in a constrained one.
     */
    public static double violation(TrialRecord trial, boolean constrained) {
        if (!constrained) {
            return 0;
        }
        return trial.constraintViolation().orElse(Double.POSITIVE_INFINITY);
    }

    /** The trial's values as losses: maximised objectives negated, so that lower is better everywhere. */
    public static double[] loss(TrialRecord trial, List<Direction> directions) {
        double[] loss = new double[directions.size()];
        for (int k = 0; k < loss.length; k++) {
            double v = trial.values().get(k);
            loss[k] = directions.get(k) == Direction.MAXIMIZE ? -v : v;
        }
        return loss;
    }

    /** Whether loss vector {@code a} is no worse than {@code b} everywhere and better somewhere. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }

    /**
     * Deb's constrained domination: of two feasible points the dominating one; a feasible point
     * dominates an infeasible one; of two infeasible points the one with the smaller violation.
     */
    public static boolean constrainedDominates(double[] lossA, double violationA, double[] lossB, double violationB) {
        boolean feasibleA = violationA <= 0;
        boolean feasibleB = violationB <= 0;
        if (feasibleA && feasibleB) {
            return dominates(lossA, lossB);
        }
        if (feasibleA != feasibleB) {
            return feasibleA;
        }
        return violationA < violationB;
    }
}
