package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a trial's named constraints against the study's other trials: the first other trial that
 * stored names decides the names and their order, so that every trial's values line up by
 * position (which is how the samplers read them), and a trial that misses one of them, or adds
 * one, is refused with a message naming it. Trials stored without names ({@code c0, c1, ...})
 * only fix the count.
 */
final class ConstraintNames {

    private ConstraintNames() {
    }

    /**
     * The names of {@code named} in the order the study stores them.
     *
     * @throws IllegalArgumentException naming a blank, missing or unknown constraint
     */
    static List<String> order(Map<String, Double> named, List<TrialRecord> trials, int trialNumber,
                              String studyName) {
        for (String name : named.keySet()) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("trial " + trialNumber + " has a constraint without a name "
                        + named + "; name each constraint");
            }
        }
        for (TrialRecord other : trials) {
            if (other.number() == trialNumber || other.constraints().isEmpty()
                    || !other.systemAttrs().containsKey(TrialRecord.CONSTRAINT_NAMES)) {
                continue;
            }
            List<String> known = other.constraintNames();
            for (String name : known) {
                if (!named.containsKey(name)) {
                    throw new IllegalArgumentException("trial " + trialNumber + " has no value for the constraint '"
                            + name + "' (it has " + String.join(", ", named.keySet()) + "), but trial "
                            + other.number() + " of study '" + studyName + "' has " + String.join(", ", known)
                            + "; every trial of a study reports the same constraints");
                }
            }
            for (String name : named.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("trial " + trialNumber + " has the constraint '" + name
                            + "', which trial " + other.number() + " of study '" + studyName + "' does not have"
                            + " (it has " + String.join(", ", known) + "); every trial of a study reports the same"
                            + " constraints");
                }
            }
            return known;
        }
        return new ArrayList<>(named.keySet());
    }
}
