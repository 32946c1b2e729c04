package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;

/** Never prunes. */
final class NopPruner implements Pruner {

    @Override
    public boolean prune(StudyView study, TrialRecord trial) {
        return false;
    }

    @Override
    public String toString() {
        return "NopPruner";
    }
}
