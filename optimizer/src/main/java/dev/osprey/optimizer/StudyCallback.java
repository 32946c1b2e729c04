package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;

/** Called by {@link Study#optimize} after each trial of this process has finished. */
@FunctionalInterface
public interface StudyCallback {

    void afterTrial(Study study, TrialRecord trial);
}
