package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A study at a glance, as {@link Storage#studySummaries()} lists it.
 *
 * @param study        the study
 * @param trialCounts  how many trials the study holds in each state (every state is a key)
 * @param bestValue    the best value of a COMPLETE trial, for single-objective studies (NaN never counts)
 * @param lastActivity the latest time a trial of the study started or finished
 */
public record StudySummary(StudyInfo study, Map<TrialState, Integer> trialCounts, Optional<Double> bestValue,
                           Optional<Instant> lastActivity) {

    public StudySummary {
        Objects.requireNonNull(study, "study");
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            counts.put(state, trialCounts.getOrDefault(state, 0));
        }
        trialCounts = Collections.unmodifiableMap(counts);
        Objects.requireNonNull(bestValue, "bestValue");
        Objects.requireNonNull(lastActivity, "lastActivity");
    }

    /** The number of trials in all states. */
    public int trials() {
        return trialCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The number of trials in {@code state}. */
    public int trials(TrialState state) {
        return trialCounts.get(state);
    }

    /** Summarises a study from its trials; storages that can ask their database do so instead. */
    public static StudySummary of(StudyInfo study, Collection<TrialRecord> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        Double best = null;
        Instant last = null;
        boolean single = study.directions().size() == 1;
        for (TrialRecord trial : trials) {
            counts.merge(trial.state(), 1, Integer::sum);
            if (single && trial.state() == TrialState.COMPLETE && !trial.values().isEmpty()
                    && !Double.isNaN(trial.value())
                    && (best == null || study.directions().get(0).isBetter(trial.value(), best))) {
                best = trial.value();
            }
            Instant activity = trial.end().or(trial::start).orElse(null);
            if (activity != null && (last == null || activity.isAfter(last))) {
                last = activity;
            }
        }
        return new StudySummary(study, counts, Optional.ofNullable(best), Optional.ofNullable(last));
    }

}
