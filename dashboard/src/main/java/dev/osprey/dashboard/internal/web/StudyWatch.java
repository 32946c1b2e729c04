package dev.osprey.dashboard.internal.web;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.TrialChanges;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The dashboard's copy of one study's trials, kept current by reading only what changed since the
 * last read; {@link #version()} grows with every change, which is what live pages wait for.
 */
final class StudyWatch {

    private final Storage storage;
    final StudyInfo study;
    private final List<TrialRecord> byNumber = new ArrayList<>();
    private long cursor;
    private long version;
    private List<TrialRecord> snapshot = List.of();
    /** Answers computed from the current version, by request; emptied when the version changes. */
    private final java.util.Map<String, byte[]> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_ANSWERS = 64;

    StudyWatch(Storage storage, StudyInfo study) {
        this.storage = storage;
        this.study = study;
    }

    /** Reads the changes; true when there were some. */
    synchronized boolean refresh() {
        TrialChanges changes = storage.trialsChangedSince(study.id(), cursor);
        cursor = changes.cursor();
        if (changes.trials().isEmpty()) {
            return false;
        }
        for (TrialRecord trial : changes.trials()) {
            while (byNumber.size() <= trial.number()) {
                byNumber.add(null);
            }
            byNumber.set(trial.number(), trial);
        }
        List<TrialRecord> copy = new ArrayList<>(byNumber.size());
        for (TrialRecord trial : byNumber) {
            if (trial != null) {
                copy.add(trial);
            }
        }
        snapshot = Collections.unmodifiableList(copy);
        version++;
        answers.clear();
        return true;
    }

    /** The trials by number, as last read. */
    synchronized List<TrialRecord> trials() {
        return snapshot;
    }

    synchronized long version() {
        return version;
    }

    /**
     * The answer to {@code request} from the current trials: computed once per version. An answer
     * computed while the version changed is returned but not kept.
     */
    byte[] answer(String request, java.util.function.Supplier<byte[]> compute) {
        byte[] known = answers.get(request);
        if (known != null) {
            return known;
        }
        long before = version();
        byte[] body = compute.get();
        synchronized (this) {
            if (version == before) {
                if (answers.size() >= MAX_ANSWERS) {
                    answers.clear();
                }
                answers.put(request, body);
            }
        }
        return body;
    }
}
