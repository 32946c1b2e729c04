package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the
 * values COMPLETE trials reported at the same step. The median pruner is this at 50.
 *
 * <p>Checks happen after {@code nWarmupSteps} and at most once per {@code intervalSteps}; nothing is
 * pruned until {@code nStartupTrials} trials have completed, or while fewer than {@code nMinTrials}
 * of them reported the step.
 */
final class PercentilePruner implements Pruner {

    private final double percentile;
    private final int nStartupTrials;
    private final int nWarmupSteps;
    private final int intervalSteps;
    private final int nMinTrials;

    PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], but got " + percentile);
        }
        Checks.atLeast("nStartupTrials", nStartupTrials, 0);
        Checks.atLeast("nWarmupSteps", nWarmupSteps, 0);
        Checks.atLeast("intervalSteps", intervalSteps, 1);
        Checks.atLeast("nMinTrials", nMinTrials, 1);
        this.percentile = percentile;
        this.nStartupTrials = nStartupTrials;
        this.nWarmupSteps = nWarmupSteps;
        this.intervalSteps = intervalSteps;
        this.nMinTrials = nMinTrials;
    }

    @Override
    public boolean prune(StudyView study, TrialRecord trial) {
        if (trial.state() != TrialState.RUNNING) {
            return false;
        }
        List<TrialRecord> complete = study.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE).toList();
        if (complete.isEmpty() || complete.size() < nStartupTrials || trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        if (step < nWarmupSteps || !Checks.isFirstInIntervalStep(trial, step, nWarmupSteps, intervalSteps)) {
            return false;
        }
        Direction direction = study.direction();
        double best = Checks.bestIntermediate(trial, direction);
        if (Double.isNaN(best)) {
            return true;
        }
        List<Double> atStep = new ArrayList<>();
        for (TrialRecord t : complete) {
            Double v = t.intermediateValues().get(step);
            if (v != null && !Double.isNaN(v)) {
                atStep.add(v);
            }
        }
        if (atStep.size() < nMinTrials) {
            return false;
        }
        double p = percentileOf(atStep, direction == Direction.MAXIMIZE ? 100 - percentile : percentile);
        return direction == Direction.MAXIMIZE ? best < p : best > p;
    }

    /** The {@code q}-th percentile with linear interpolation between order statistics (numpy's default). */
    static double percentileOf(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double rank = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    @Override
    public String toString() {
        return "PercentilePruner[percentile=" + percentile + ", nStartupTrials=" + nStartupTrials
                + ", nWarmupSteps=" + nWarmupSteps + ", intervalSteps=" + intervalSteps
                + ", nMinTrials=" + nMinTrials + "]";
    }
}
