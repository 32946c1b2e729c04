package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

/**
 * Prunes a trial whose latest intermediate value is NaN or leaves {@code [lower, upper]}. A
 * missing bound is infinite. Needs no other trials, so it works from the very first trial.
 *
 * <p>Checks happen from step {@code nWarmupSteps} on, at most once per {@code intervalSteps}.
 */
final class ThresholdPruner implements Pruner {

    private final double lower;
    private final double upper;
    private final int nWarmupSteps;
    private final int intervalSteps;

    ThresholdPruner(Double lower, Double upper, int nWarmupSteps, int intervalSteps) {
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("a threshold pruner needs a lower or an upper bound, but got neither");
        }
        if (lower != null && lower.isNaN() || upper != null && upper.isNaN()) {
            throw new IllegalArgumentException("threshold bounds must not be NaN, but got lower " + lower
                    + " and upper " + upper);
        }
        this.lower = lower == null ? Double.NEGATIVE_INFINITY : lower;
        this.upper = upper == null ? Double.POSITIVE_INFINITY : upper;
        if (this.lower > this.upper) {
            throw new IllegalArgumentException("lower must be <= upper, but got lower " + lower + " and upper " + upper);
        }
        Checks.atLeast("nWarmupSteps", nWarmupSteps, 0);
        Checks.atLeast("intervalSteps", intervalSteps, 1);
        this.nWarmupSteps = nWarmupSteps;
        this.intervalSteps = intervalSteps;
    }

    @Override
    public boolean prune(StudyView study, TrialRecord trial) {
        if (trial.state() != TrialState.RUNNING || trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        if (step < nWarmupSteps || !Checks.isFirstInIntervalStep(trial, step, nWarmupSteps, intervalSteps)) {
            return false;
        }
        double latest = trial.intermediateValues().get(step);
        return Double.isNaN(latest) || latest < lower || latest > upper;
    }

    @Override
    public String toString() {
        return "ThresholdPruner[lower=" + lower + ", upper=" + upper + ", nWarmupSteps=" + nWarmupSteps
                + ", intervalSteps=" + intervalSteps + "]";
    }
}
