package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Early stopping on stagnation: a trial whose last {@code patience + 1} intermediate values do not
 * improve by more than {@code minDelta} on the best value before them has stagnated. A stagnated
 * trial is pruned, or, if another pruner is wrapped, handed to that pruner to decide; a trial
 * still improving is never pruned. NaN values are ignored, and a window of only NaN never counts
 * as stagnation.
 */
final class PatientPruner implements Pruner {

    private final Optional<Pruner> wrapped;
    private final int patience;
    private final double minDelta;

    PatientPruner(Optional<Pruner> wrapped, int patience, double minDelta) {
        Checks.atLeast("patience", patience, 0);
        Checks.atLeast("minDelta", minDelta, 0.0);
        this.wrapped = wrapped;
        this.patience = patience;
        this.minDelta = minDelta;
    }

    @Override
    public boolean prune(StudyView study, TrialRecord trial) {
        List<Double> values = new ArrayList<>(trial.intermediateValues().values());
        if (trial.state() != TrialState.RUNNING || values.size() <= patience + 1) {
            return false;
        }
        int split = values.size() - patience - 1;
        List<Double> before = values.subList(0, split);
        List<Double> recent = values.subList(split, values.size());
        // comparisons with NaN are false, so an all-NaN side never reads as stagnation
        boolean stagnated = study.direction() == Direction.MAXIMIZE
                ? nanBest(before, Direction.MAXIMIZE) - minDelta > nanBest(recent, Direction.MAXIMIZE)
                : nanBest(before, Direction.MINIMIZE) + minDelta < nanBest(recent, Direction.MINIMIZE);
        if (!stagnated) {
            return false;
        }
        return wrapped.map(p -> p.prune(study, trial)).orElse(true);
    }

    private static double nanBest(List<Double> values, Direction direction) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "PatientPruner[wrapped=" + wrapped.map(Object::toString).orElse("none") + ", patience=" + patience
                + ", minDelta=" + minDelta + "]";
    }
}
