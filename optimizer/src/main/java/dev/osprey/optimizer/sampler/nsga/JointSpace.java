package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters every COMPLETE trial has with one distribution, kept per study and folded in one
 * trial at a time: a finished trial never changes, so each is read once (recomputing the
 * intersection over every trial for each new trial cost more than the rest of NSGA-II).
 */
final class JointSpace {

    private final BitSet folded = new BitSet();
    private Map<String, Distribution> space;

    /** The intersection over the COMPLETE trials of {@code trials}, single-valued distributions left out. */
    synchronized Map<String, Distribution> of(List<TrialRecord> trials) {
        for (TrialRecord t : trials) {
            if (t.state() != TrialState.COMPLETE || folded.get(t.number())) {
                continue;
            }
            folded.set(t.number());
            if (space == null) {
                space = new TreeMap<>();
                t.params().forEach((name, p) -> space.put(name, p.distribution()));
            } else {
                Map<String, Param> own = t.params();
                space.entrySet().removeIf(e -> {
                    Param p = own.get(e.getKey());
                    return p == null || !e.getValue().equals(p.distribution());
                });
            }
        }
        if (space == null) {
            return Map.of();
        }
        Map<String, Distribution> out = new TreeMap<>(space);
        out.values().removeIf(Distribution::isSingle);
        return out;
    }
}
