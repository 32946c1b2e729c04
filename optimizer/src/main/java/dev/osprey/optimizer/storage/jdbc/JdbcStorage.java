package dev.osprey.optimizer.storage.jdbc;

import dev.osprey.optimizer.Direction;
import dev.osprey.optimizer.Param;
import dev.osprey.optimizer.TrialRecord;
import dev.osprey.optimizer.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudyNames;
import dev.osprey.optimizer.storage.StudySummary;
import dev.osprey.optimizer.storage.TrialChanges;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Storage} in a relational database (H2 embedded, H2 server, PostgreSQL) reached through
 * JDBC. Every call is one transaction run by {@link Transactions}; writes to a study's trials hold
 * the study's row lock, which makes trial numbers gap-free, finished trials immutable and the
 * change feed ({@link #trialsChangedSince}) exact under any number of workers and processes.
 */
final class JdbcStorage implements Storage {

    private final Database database;
    private final Transactions tx;
    private final TrialReader trials = new TrialReader();
    private final StudyReader studyReader = new StudyReader();
    private final TrialLifecycle lifecycle = new TrialLifecycle(trials);
    private final TrialUpdates updates = new TrialUpdates(trials);
    private final StudyWrites studyWrites = new StudyWrites();
    private final StudyStats stats = new StudyStats(studyReader);

    JdbcStorage(Database database, RetryPolicy retries, Transactions.Sleeper sleeper) {
        this.database = database;
        this.tx = new Transactions(database.pool, database.location.shown(), retries, sleeper);
    }

    @Override
    public StudyInfo createStudy(String name, List<Direction> directions, Map<String, Object> systemAttrs) {
        StudyNames.validate(name);
        return tx.run("create study '" + name + "'", c -> studyWrites.create(c, name, directions, systemAttrs));
    }

    @Override
    public Optional<StudyInfo> findStudy(String name) {
        return tx.run("find study '" + name + "'", c -> studyReader.byName(c, name));
    }

    @Override
    public List<StudyInfo> studies() {
        return tx.run("list the studies", studyReader::all);
    }

    @Override
    public List<StudySummary> studySummaries() {
        return tx.run("summarise the studies", stats::summaries);
    }

    @Override
    public void deleteStudy(long studyId) {
        tx.run("delete study id " + studyId, c -> {
            studyWrites.delete(c, studyId);
            return null;
        });
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        tx.run("set attribute '" + key + "' of study id " + studyId, c -> {
            studyWrites.setUserAttr(c, studyId, key, value);
            return null;
        });
    }

    @Override
    public Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now) {
        return tx.run("start a trial of study id " + studyId, c -> lifecycle.start(c, studyId, maxTrials, now));
    }

    @Override
    public TrialRecord enqueueTrial(long studyId, Map<String, Object> systemAttrs) {
        return tx.run("enqueue a trial in study id " + studyId, c -> lifecycle.enqueue(c, studyId, systemAttrs));
    }

    @Override
    public TrialRecord addTrial(long studyId, TrialRecord trial) {
        Objects.requireNonNull(trial, "trial");
        return tx.run("add a copied trial to study id " + studyId, c -> lifecycle.add(c, studyId, trial));
    }

    @Override
    public TrialRecord setParam(long trialId, String name, Param param) {
        Objects.requireNonNull(param, "param");
        return tx.run("set parameter '" + name + "' of trial id " + trialId,
                c -> updates.setParam(c, trialId, name, param));
    }

    @Override
    public TrialRecord reportIntermediate(long trialId, int step, double value) {
        return tx.run("report step " + step + " of trial id " + trialId,
                c -> updates.reportIntermediate(c, trialId, step, value));
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        tx.run("set user attribute '" + key + "' of trial id " + trialId, c -> {
            updates.setAttr(c, trialId, Rows.Attrs.TRIAL_USER, key, value);
            return null;
        });
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        tx.run("set system attribute '" + key + "' of trial id " + trialId, c -> {
            updates.setAttr(c, trialId, Rows.Attrs.TRIAL_SYSTEM, key, value);
            return null;
        });
    }

    @Override
    public TrialRecord finishTrial(long trialId, TrialState state, List<Double> values, String reason, Instant now) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("a trial can only be finished as COMPLETE, PRUNED or FAIL, not " + state);
        }
        TrialRecord finished = tx.run("finish trial id " + trialId + " as " + state,
                c -> lifecycle.finish(c, trialId, state, values, reason, now));
        if (database.location.kind() == JdbcLocation.Kind.H2_EMBEDDED) {
            // H2 writes committed transactions to its file in the background (every 500 ms by
            // default): a told result is written at once, so that a killed process loses none
            tx.run("write finished trial id " + trialId + " to the database file", c -> {
                try (var st = c.createStatement()) {
                    st.execute("CHECKPOINT");
                }
                return null;
            });
        }
        return finished;
    }

    @Override
    public void recordHeartbeat(long trialId, Instant now) {
        tx.run("record a heartbeat of trial id " + trialId, c -> {
            updates.heartbeat(c, trialId, now);
            return null;
        });
    }

    @Override
    public List<TrialRecord> failStaleTrials(long studyId, Instant now, Duration grace) {
        return tx.run("fail the stale trials of study id " + studyId, c -> lifecycle.failStale(c, studyId, now, grace));
    }

    @Override
    public boolean claimGridPoint(long studyId, String gridKey, int index, long trialId) {
        return tx.run("claim point " + index + " of grid '" + gridKey + "'",
                c -> studyWrites.claim(c, studyId, gridKey, index, trialId));
    }

    @Override
    public BitSet claimedGridPoints(long studyId, String gridKey) {
        return tx.run("read the claims of grid '" + gridKey + "'", c -> studyWrites.claimed(c, studyId, gridKey));
    }

    @Override
    public TrialRecord trial(long trialId) {
        return tx.run("read trial id " + trialId, c -> trials.trial(c, trialId));
    }

    @Override
    public TrialChanges trialsChangedSince(long studyId, long cursor) {
        return tx.run("read the changed trials of study id " + studyId, c -> trials.changedSince(c, studyId, cursor));
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + database.location.shown() + "]";
    }
}
