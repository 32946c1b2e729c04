package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.TrialChanges;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This process's copy of a study's trials. Each refresh reads only the trials that changed since
 * the last one, so a study of 10,000 trials is not reloaded on every ask.
 */
final class TrialCache {

    private final Storage storage;
    private final long studyId;
    private final List<TrialRecord> byNumber = new ArrayList<>();
    private final Map<String, Distribution> distributions = new HashMap<>();
    private final Map<String, Integer> firstTrialOf = new HashMap<>();
    /** The RUNNING trials by number, with their start ({@link Instant#MIN} if unknown). */
    private final Map<Integer, Instant> running = new HashMap<>();
    private long cursor;

    TrialCache(Storage storage, long studyId) {
        this.storage = storage;
        this.studyId = studyId;
    }

    synchronized void refresh() {
        TrialChanges changes = storage.trialsChangedSince(studyId, cursor);
        for (TrialRecord trial : changes.trials()) {
            put(trial);
        }
        cursor = changes.cursor();
    }

    synchronized void put(TrialRecord trial) {
        while (byNumber.size() <= trial.number()) {
            byNumber.add(null);
        }
        byNumber.set(trial.number(), trial);
        if (trial.state() == TrialState.RUNNING) {
            running.put(trial.number(), trial.start().orElse(Instant.MIN));
        } else {
            running.remove(trial.number());
        }
        trial.params().forEach((name, param) -> {
            if (distributions.putIfAbsent(name, param.distribution()) == null) {
                firstTrialOf.put(name, trial.number());
            }
        });
    }

    /** A snapshot of all trials known, ordered by number. */
    synchronized List<TrialRecord> trials() {
        List<TrialRecord> out = new ArrayList<>(byNumber.size());
        for (TrialRecord t : byNumber) {
            if (t != null) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The trial with this number, or null if there is none. */
    synchronized TrialRecord trial(int number) {
        return number >= 0 && number < byNumber.size() ? byNumber.get(number) : null;
    }

    /**
     * Whether a trial known to be RUNNING started before {@code time} (kept up to date, so that
     * asking is cheap). A trial's heartbeat is never older than its start, so a trial that started
     * later cannot be stale at a grace cut-off of {@code time}.
     */
    synchronized boolean hasRunningStartedBefore(Instant time) {
        for (Instant start : running.values()) {
            if (start.isBefore(time)) {
                return true;
            }
        }
        return false;
    }

    /** How many trial numbers are known. */
    synchronized int size() {
        return byNumber.size();
    }

    /** The distribution a parameter name has in this study, and the first trial that used it. */
    synchronized Map.Entry<Distribution, Integer> distributionOf(String name) {
        Distribution d = distributions.get(name);
        return d == null ? null : Map.entry(d, firstTrialOf.get(name));
    }

    /** Records a parameter's distribution before the trial that uses it is re-read. */
    synchronized void learn(String name, Distribution distribution, int trialNumber) {
        if (distributions.putIfAbsent(name, distribution) == null) {
            firstTrialOf.put(name, trialNumber);
        }
    }
}
