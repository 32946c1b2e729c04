package dev.osprey.sweeper;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fits a completed job's values to its study: positional values must be as many as the study's
 * objectives; named values must name each of the study's objectives once, and are put in the
 * study's order. A result that does not fit fails its trial (not the sweep) with a message naming
 * what was missing or unknown.
 */
final class ResultFit {

    /** Digits-only names (a list's positions) sort as numbers, others by name. */
    static final Comparator<String> CONSTRAINT_ORDER = Comparator
            .comparing((String n) -> !n.matches("\\d{1,9}"))
            .thenComparing(n -> n.matches("\\d{1,9}") ? Integer.parseInt(n) : 0)
            .thenComparing(Comparator.naturalOrder());

    private ResultFit() {
    }

    /** The result with its values in the study's objective order, or a failed result saying why not. */
    static JobResult fit(JobResult result, List<String> objectiveNames) {
        if (!result.isCompleted()) {
            return result;
        }
        if (result.names().isEmpty()) {
            if (result.values().size() == objectiveNames.size()) {
                return result;
            }
            return failed(result, "the job gave " + result.values().size() + " objective value(s) "
                    + result.values() + ", but the study has " + objectiveNames.size() + " objective(s) "
                    + objectiveNames);
        }
        for (String name : result.names()) {
            if (!objectiveNames.contains(name)) {
                return failed(result, "the job reported the objective '" + name + "', which the study does not have"
                        + " (its objectives: " + String.join(", ", objectiveNames) + "); name the study's objectives"
                        + " with osprey.sweeper.objectives=[...]");
            }
        }
        List<Double> ordered = new ArrayList<>();
        for (String name : objectiveNames) {
            int at = result.names().indexOf(name);
            if (at < 0) {
                return failed(result, "the job reported no value for the objective '" + name + "' (it reported "
                        + String.join(", ", result.names()) + "); print 'osprey:objective " + name + " VALUE'");
            }
            ordered.add(result.values().get(at));
        }
        return new JobResult(result.number(), result.status(), ordered, "", result.exitCode(), result.duration(),
                result.logs(), objectiveNames, result.constraints());
    }

    /** The constraint values in the order they are stored: by name, a list's positions as numbers. */
    static double[] constraints(JobResult result) {
        return result.constraints().entrySet().stream().sorted(Map.Entry.comparingByKey(CONSTRAINT_ORDER))
                .mapToDouble(Map.Entry::getValue).toArray();
    }

    /**
     * The constraints by name in the order they are stored, or null when the program gave them by
     * position alone (a list), which are stored without names.
     */
    static Map<String, Double> namedConstraints(JobResult result) {
        if (result.constraints().keySet().stream().allMatch(n -> n.matches("\\d{1,9}"))) {
            return null;
        }
        Map<String, Double> named = new java.util.LinkedHashMap<>();
        result.constraints().entrySet().stream().sorted(Map.Entry.comparingByKey(CONSTRAINT_ORDER))
                .forEach(e -> named.put(e.getKey(), e.getValue()));
        return named;
    }

    /**
     * A completed result without constraints in a study whose trials store named ones fails,
     * naming the first missing constraint; any other result is returned as it is. (A result with
     * constraints is checked name by name when they are stored.)
     */
    static JobResult requireConstraints(JobResult result, List<TrialRecord> trials) {
        if (!result.isCompleted() || !result.constraints().isEmpty()) {
            return result;
        }
        for (TrialRecord t : trials) {
            if (!t.constraints().isEmpty() && t.systemAttrs().containsKey(TrialRecord.CONSTRAINT_NAMES)) {
                List<String> known = t.constraintNames();
                return failed(result, "the job reported no value for the constraint '" + known.get(0)
                        + "' (the study's trials report " + String.join(", ", known) + "); print 'osprey:constraint "
                        + known.get(0) + " VALUE <= LIMIT' or write it to the result file");
            }
        }
        return result;
    }

    static JobResult failed(JobResult result, String why) {
        return JobResult.ended(result.number(), JobStatus.FAILED, why, result.exitCode(), result.duration(),
                result.logs());
    }
}
