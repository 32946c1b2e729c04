package dev.osprey.optimizer.importance;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;
import java.util.Map;

/** Ranks a study's parameters by how much they matter to one objective. */
public interface ImportanceEvaluator {

    /**
     * Importance per parameter for one objective, normalised to sum to 1, most important first
     * (an insertion-ordered map). Only COMPLETE trials with a finite value for the objective count;
     * the parameters are those every such trial has with the same distribution (Optuna's
     * intersection search space). A parameter whose distribution has a single value gets 0. When
     * nothing separates the parameters (the objective is constant, or too few trials), every
     * parameter gets the same share.
     *
     * @param trials    a study's trials, in any state
     * @param objective the index of the objective, 0 for single-objective studies
     * @param direction whether that objective is minimised or maximised
     * @throws IllegalArgumentException when no COMPLETE trial has a finite value for the objective,
     *                                  when they share no parameter, or the objective index is out of range
     */
    Map<String, Double> evaluate(List<TrialRecord> trials, int objective, Direction direction);
}
