package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;
import java.util.Map;

/** How the importance plot weighs parameters: an evaluator of the optimizer, or another. */
@FunctionalInterface
public interface ParamImportance {

    /**
     * Each parameter's importance for one objective, normalised to sum to 1, most important first.
     *
     * @param trials    the COMPLETE trials with a finite value for the objective
     * @param objective the objective's index
     */
    Map<String, Double> evaluate(List<TrialRecord> trials, int objective, Direction direction);
}
