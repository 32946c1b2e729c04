package dev.osprey.optimizer;

/** Called by {@link Study#optimize} after each trial of this process has finished. */
@FunctionalInterface
public interface StudyCallback {

    void afterTrial(Study study, TrialRecord trial);
}
