package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asynchronous successive halving (ASHA), after Li et al., "A System for Massively Parallel
 * Hyperparameter Tuning", MLSys 2020.
 *
 * <p>Rung {@code k} sits at step {@code r * eta^(s + k)}, where {@code r} is the minimum resource,
 * {@code eta} the reduction factor and {@code s} the minimum early-stopping rate. When a trial
 * reports a step at or past its next rung, the value of that step is stored as the system
 * attribute {@code completed_rung_<k>} and compared with every value any trial (running, pruned
 * or complete) stored for that rung: the trial goes on only if it is in the top {@code 1/eta} of
 * them (or, while fewer than {@code eta} trials reached the rung, the best so far). Trials are
 * never paused, so early trials are judged against few peers.
 *
 * <p>With an automatic minimum resource, {@code r = max(1, maxLastStep / 100)} over the COMPLETE
 * trials, fixed per study at the first pruning check after a trial completed; until then nothing
 * is pruned.
 */
final class SuccessiveHalvingPruner implements Pruner {

    static final String RUNG_KEY_PREFIX = "completed_rung_";

    private final OptionalInt minResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final int bootstrapCount;
    /** Identifies this pruner's estimated minimum resource in each study's memo. */
    private final Object autoMinResourceKey = new Object();

    SuccessiveHalvingPruner(OptionalInt minResource, int reductionFactor, int minEarlyStoppingRate,
                            int bootstrapCount) {
        if (minResource.isPresent()) {
            Checks.atLeast("minResource", minResource.getAsInt(), 1);
        }
        Checks.atLeast("reductionFactor", reductionFactor, 2);
        Checks.atLeast("minEarlyStoppingRate", minEarlyStoppingRate, 0);
        Checks.atLeast("bootstrapCount", bootstrapCount, 0);
        if (bootstrapCount > 0 && minResource.isEmpty()) {
            throw new IllegalArgumentException("bootstrapCount > 0 needs an explicit minResource, but got bootstrapCount "
                    + bootstrapCount + " with an automatic minResource");
        }
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.bootstrapCount = bootstrapCount;
    }

    static String rungKey(int rung) {
        return RUNG_KEY_PREFIX + rung;
    }

    @Override
    public boolean prune(StudyView study, TrialRecord trial) {
        if (trial.state() != TrialState.RUNNING || trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        double value = trial.intermediateValues().get(step);
        List<TrialRecord> trials = study.trials();
        OptionalInt r = minResource.isPresent() ? minResource : estimatedMinResource(study, trials);
        if (r.isEmpty()) {
            return false;
        }
        // the record handed in may predate rung attributes this pruner wrote, so the stored copy counts too
        int rung = Math.max(rungsCompleted(trial.systemAttrs()), rungsCompleted(storedAttrs(trials, trial)));
        while (true) {
            if (step < promotionStep(r.getAsInt(), minEarlyStoppingRate + rung)) {
                return false;
            }
            if (Double.isNaN(value)) {
                return true;
            }
            String key = rungKey(rung);
            study.setSystemAttr(trial, key, value);
            // trials was read before the write above, so this trial's new value is added by hand
            List<Double> competing = competingValues(trials, key);
            competing.add(value);
            if (competing.size() <= bootstrapCount || !isPromotable(value, competing, study.direction())) {
                return true;
            }
            rung++;
        }
    }

    /** {@code r * eta^exponent}, saturated above the largest step there can be. */
    private long promotionStep(int r, int exponent) {
        long step = r;
        for (int i = 0; i < exponent && step <= Integer.MAX_VALUE; i++) {
            step *= reductionFactor;
        }
        return step;
    }

    /** Whether {@code value} is in the top {@code 1/eta} of {@code competing}, or the best while there are fewer than eta. */
    private boolean isPromotable(double value, List<Double> competing, Direction direction) {
        int k = Math.max(competing.size() / reductionFactor - 1, 0);
        Collections.sort(competing);
        return direction == Direction.MAXIMIZE
                ? value >= competing.get(competing.size() - 1 - k)
                : value <= competing.get(k);
    }

    /** The values stored for the rung by any trial, whatever its state. */
    private static List<Double> competingValues(List<TrialRecord> trials, String key) {
        List<Double> values = new ArrayList<>();
        for (TrialRecord t : trials) {
            if (t.systemAttrs().get(key) instanceof Number n) {
                values.add(n.doubleValue());
            }
        }
        return values;
    }

    private static Map<String, Object> storedAttrs(List<TrialRecord> trials, TrialRecord trial) {
        for (TrialRecord t : trials) {
            if (t.number() == trial.number()) {
                return t.systemAttrs();
            }
        }
        return Map.of();
    }

    private static int rungsCompleted(Map<String, Object> systemAttrs) {
        int rung = 0;
        while (systemAttrs.containsKey(rungKey(rung))) {
            rung++;
        }
        return rung;
    }

    /** Fixed per study by the first estimate that finds a COMPLETE trial with steps. */
    private OptionalInt estimatedMinResource(StudyView study, List<TrialRecord> trials) {
        AtomicInteger fixed = study.memo(autoMinResourceKey, AtomicInteger::new);
        if (fixed.get() == 0) {
            int maxLastStep = -1;
            for (TrialRecord t : trials) {
                if (t.state() == TrialState.COMPLETE && !t.intermediateValues().isEmpty()) {
                    maxLastStep = Math.max(maxLastStep, t.intermediateValues().lastKey());
                }
            }
            if (maxLastStep < 0) {
                return OptionalInt.empty();
            }
            fixed.compareAndSet(0, Math.max(1, maxLastStep / 100));
        }
        return OptionalInt.of(fixed.get());
    }

    @Override
    public String toString() {
        return "SuccessiveHalvingPruner[minResource=" + (minResource.isPresent() ? minResource.getAsInt() : "auto")
                + ", reductionFactor=" + reductionFactor + ", minEarlyStoppingRate=" + minEarlyStoppingRate
                + ", bootstrapCount=" + bootstrapCount + "]";
    }
}
