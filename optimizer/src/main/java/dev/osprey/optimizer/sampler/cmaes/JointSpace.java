package dev.osprey.optimizer.sampler.cmaes;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters that every COMPLETE trial has with one distribution (Optuna's intersection search
 * space), kept incrementally: the trials of the longest finished prefix never change, so their
 * intersection is folded once, and each call only folds the COMPLETE trials after the first
 * unfinished one.
 */
final class JointSpace {

    private Map<String, Distribution> settledSpace;
    private int settled;

    /** The intersection over the COMPLETE trials of {@code trials} (ordered by number), or null if none is COMPLETE. */
    synchronized Map<String, Distribution> of(List<TrialRecord> trials) {
        while (settled < trials.size() && trials.get(settled).state().isFinished()) {
            settledSpace = fold(settledSpace, trials.get(settled));
            settled++;
        }
        Map<String, Distribution> space = settledSpace == null ? null : new TreeMap<>(settledSpace);
        for (int i = settled + 1; i < trials.size(); i++) {
            space = fold(space, trials.get(i));
        }
        return space;
    }

    private static Map<String, Distribution> fold(Map<String, Distribution> space, TrialRecord t) {
        if (t.state() != TrialState.COMPLETE) {
            return space;
        }
        if (space == null) {
            return new TreeMap<>(t.distributions());
        }
        Map<String, Param> params = t.params();
        space.entrySet().removeIf(e -> {
            Param p = params.get(e.getKey());
            return p == null || !p.distribution().equals(e.getValue());
        });
        return space;
    }
}
