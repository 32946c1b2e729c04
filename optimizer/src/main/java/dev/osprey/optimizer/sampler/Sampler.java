package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.space.Distribution;

import java.util.Map;

/**
 * Proposes parameter values for trials. A trial gets its values in this order: when it starts,
 * {@link #beforeTrial}; at its first suggestion, {@link #inferRelativeSearchSpace} and
 * {@link #sampleRelative} (joint sampling of the parameters every trial shares); then, for each
 * parameter outside that joint sample, {@link #sampleIndependent}. When it ends,
 * {@link #afterTrial}.
 *
 * <p>All values are internal representations (see {@link Distribution}). Implementations draw
 * their randomness from generators derived from {@link StudyView#seed()} and the trial number, so
 * that a seeded study is reproducible at any parallelism.
 */
public interface Sampler {

    /** Called when a trial starts, before any suggestion. */
    default void beforeTrial(StudyView study, TrialRecord trial) {
    }

    /** The parameters this sampler will sample jointly for {@code trial}; empty for independent samplers. */
    default Map<String, Distribution> inferRelativeSearchSpace(StudyView study, TrialRecord trial) {
        return Map.of();
    }

    /** Joint values for (a subset of) {@code space}; parameters left out go to {@link #sampleIndependent}. */
    default Map<String, Double> sampleRelative(StudyView study, TrialRecord trial,
                                               Map<String, Distribution> space) {
        return Map.of();
    }

    /** A value for one parameter of {@code trial}, in the internal representation of {@code distribution}. */
    double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution);

    /**
     * Whether this sampler has values for {@code trial}, which has just started ({@link #beforeTrial}
     * ran). A grid whose last points other workers claimed between {@link #isExhausted} and the
     * start has none: the study then ends the trial as FAIL, saying why, and returns no trial.
     */
    default boolean hasProposalFor(StudyView study, TrialRecord trial) {
        return true;
    }

    /** Called after a trial has finished (its record holds the final state). */
    default void afterTrial(StudyView study, TrialRecord trial) {
    }

    /** Whether this sampler has nothing left to propose (a grid whose points are all claimed). */
    default boolean isExhausted(StudyView study) {
        return false;
    }
}
