package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;

/**
 * Decides whether a running trial should stop early, from the intermediate values it has reported
 * and those of the study's other trials. Called by {@link dev.osprey.optimizer.Trial#shouldPrune()}.
 */
@FunctionalInterface
public interface Pruner {

    /** Whether {@code trial} (RUNNING, with its latest intermediate values) should be pruned now. */
    boolean prune(StudyView study, TrialRecord trial);
}
