package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.TrialChanges;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A storage that logs every heartbeat written through it (those the storage refused too), so that
 * tests wait for renewals to happen instead of sleeping, and counts the looks for stale trials.
 */
final class HeartbeatLog implements Storage {

    /** One {@link #recordHeartbeat} call, logged once the storage has handled it. */
    record Beat(long trialId, Instant at) {
    }

    /** How long a test waits for a heartbeat before it fails; a guard against hanging, not a timing claim. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Storage delegate;
    private final List<Beat> beats = new ArrayList<>(); // guarded by this
    private int reaps; // guarded by this

    HeartbeatLog(Storage delegate) {
        this.delegate = delegate;
    }

    /** How many times a worker looked for stale trials through this storage. */
    synchronized int reaps() {
        return reaps;
    }

    /** The heartbeats of a trial so far, in order. */
    synchronized List<Beat> beats(long trialId) {
        return beats.stream().filter(b -> b.trialId() == trialId).toList();
    }

    /** The heartbeats of a trial stamped at or after {@code since}. */
    synchronized List<Beat> beatsSince(long trialId, Instant since) {
        return beats(trialId).stream().filter(b -> !b.at().isBefore(since)).toList();
    }

    /** Waits until a trial has {@code n} heartbeats stamped at or after {@code since}; false if they never come. */
    synchronized boolean await(long trialId, Instant since, int n) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (beatsSince(trialId, since).size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void recordHeartbeat(long trialId, Instant now) {
        try {
            delegate.recordHeartbeat(trialId, now);
        } finally {
            synchronized (this) {
                beats.add(new Beat(trialId, now));
                notifyAll();
            }
        }
    }

    @Override
    public StudyInfo createStudy(String name, List<Direction> directions, Map<String, Object> systemAttrs) {
        return delegate.createStudy(name, directions, systemAttrs);
    }

    @Override
    public Optional<StudyInfo> findStudy(String name) {
        return delegate.findStudy(name);
    }

    @Override
    public List<StudyInfo> studies() {
        return delegate.studies();
    }

    @Override
    public void deleteStudy(long studyId) {
        delegate.deleteStudy(studyId);
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        delegate.setStudyUserAttr(studyId, key, value);
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        delegate.setStudySystemAttr(studyId, key, value);
    }

    @Override
    public Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now) {
        return delegate.startTrial(studyId, maxTrials, now);
    }

    @Override
    public TrialRecord enqueueTrial(long studyId, Map<String, Object> systemAttrs) {
        return delegate.enqueueTrial(studyId, systemAttrs);
    }

    @Override
    public TrialRecord setParam(long trialId, String name, Param param) {
        return delegate.setParam(trialId, name, param);
    }

    @Override
    public TrialRecord reportIntermediate(long trialId, int step, double value) {
        return delegate.reportIntermediate(trialId, step, value);
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        delegate.setTrialUserAttr(trialId, key, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        delegate.setTrialSystemAttr(trialId, key, value);
    }

    @Override
    public TrialRecord finishTrial(long trialId, TrialState state, List<Double> values, String reason, Instant now) {
        return delegate.finishTrial(trialId, state, values, reason, now);
    }

    @Override
    public List<TrialRecord> failStaleTrials(long studyId, Instant now, Duration grace) {
        synchronized (this) {
            reaps++;
        }
        return delegate.failStaleTrials(studyId, now, grace);
    }

    @Override
    public boolean claimGridPoint(long studyId, String gridKey, int index, long trialId) {
        return delegate.claimGridPoint(studyId, gridKey, index, trialId);
    }

    @Override
    public Map<Integer, Long> gridClaims(long studyId, String gridKey) {
        return delegate.gridClaims(studyId, gridKey);
    }

    @Override
    public TrialRecord trial(long trialId) {
        return delegate.trial(trialId);
    }

    @Override
    public TrialChanges trialsChangedSince(long studyId, long cursor) {
        return delegate.trialsChangedSince(studyId, cursor);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
