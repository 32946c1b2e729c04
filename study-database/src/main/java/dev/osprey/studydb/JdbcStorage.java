package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudyNames;
import dev.osprey.optimizer.storage.StudySummary;
import dev.osprey.optimizer.storage.TrialChanges;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link Storage} in a relational database (H2 embedded, H2 server, PostgreSQL) reached through
 * JDBC. Every call is one transaction run by {@link Transactions} (one statement with auto-commit,
 * where that is all it takes). A write to a trial locks the trial's row and, last, the study's row
 * (see {@link Rows}), which makes trial numbers gap-free, finished trials immutable and the change
 * feed ({@link #trialsChangedSince}) exact under any number of workers and processes. On
 * PostgreSQL the common writes are one statement each ({@link PostgresWrites}); the trials written
 * here are remembered ({@link KnownTrials}) so that writes need not read them back.
 */
final class JdbcStorage implements Storage {

    private final Database database;
    private final Transactions tx;
    private final KnownTrials known = new KnownTrials();
    private final TrialReader trials = new TrialReader();
    private final StudyReader studyReader = new StudyReader();
    private final TrialLifecycle lifecycle = new TrialLifecycle(trials, known);
    private final TrialUpdates updates = new TrialUpdates(trials, known);
    private final StudyWrites studyWrites = new StudyWrites();
    private final StudyStats stats = new StudyStats(studyReader);
    /** PostgreSQL: the common writes are single statements ({@link PostgresWrites}). */
    private final boolean postgres;
    /**
     * Whether turning auto-commit on and off costs no round trip (PostgreSQL's driver and embedded H2
     * keep it on the client); then single reads run with it on and need no commit.
     */
    private final boolean cheapAutoCommit;

    JdbcStorage(Database database, RetryPolicy retries, Transactions.Sleeper sleeper) {
        this.database = database;
        this.tx = new Transactions(database.pool, database.location.shown(), retries, sleeper,
                database.location.kind() == JdbcLocation.Kind.H2_SERVER ? new StatementCache() : null, System::nanoTime);
        this.postgres = database.location.kind() == JdbcLocation.Kind.POSTGRESQL;
        this.cheapAutoCommit = postgres || database.location.kind().isEmbedded();
    }

    /** Runs a read (or a single-statement write) the cheapest way the database allows. */
    private <T> T single(String what, Transactions.Work<T> work) {
        return cheapAutoCommit ? tx.runAutoCommit(what, work) : tx.run(what, work);
    }

    private TrialRecord remember(KnownTrials.Known trial) {
        known.remember(trial.seq(), trial.record());
        return trial.record();
    }

    /**
     * The trial after a single-statement write: the remembered record at the change number the
     * write found, edited, or else the trial read as it is now.
     */
    private TrialRecord afterWrite(long trialId, PostgresWrites.Stamp stamp, UnaryOperator<TrialRecord> edit) {
        TrialRecord before = known.at(trialId, stamp.before());
        if (before != null) {
            return remember(new KnownTrials.Known(stamp.after(), edit.apply(before)));
        }
        return remember(single("read trial id " + trialId + " back", c -> trials.known(c, trialId)));
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
    public void setStudySystemAttr(long studyId, String key, Object value) {
        tx.run("set system attribute '" + key + "' of study id " + studyId, c -> {
            studyWrites.setSystemAttr(c, studyId, key, value);
            return null;
        });
    }

    @Override
    public Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now) {
        String what = "start a trial of study id " + studyId;
        KnownTrials.Known started = postgres
                ? tx.runAutoCommit(what, c -> PostgresWrites.start(c, studyId, maxTrials, now)) : null;
        Optional<KnownTrials.Known> result = started != null ? Optional.of(started) : tx.run(what, c -> postgres
                ? lifecycle.startLocked(c, studyId, maxTrials, now) : lifecycle.start(c, studyId, maxTrials, now));
        return result.map(this::remember);
    }

    @Override
    public Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now, Map<String, ?> userAttrs) {
        if (userAttrs.isEmpty()) {
            return startTrial(studyId, maxTrials, now);
        }
        // one transaction: the trial is never seen without its attributes
        Optional<KnownTrials.Known> result = tx.run("start a trial of study id " + studyId, c -> {
            Optional<KnownTrials.Known> started = postgres
                    ? lifecycle.startLocked(c, studyId, maxTrials, now) : lifecycle.start(c, studyId, maxTrials, now);
            if (started.isEmpty()) {
                return started;
            }
            TrialRecord trial = started.get().record();
            for (Map.Entry<String, ?> attr : userAttrs.entrySet()) {
                Rows.putAttr(c, Rows.Attrs.TRIAL_USER, trial.id(), attr.getKey(), attr.getValue());
                trial = TrialEdits.withAttr(trial, Rows.Attrs.TRIAL_USER, attr.getKey(), attr.getValue());
            }
            return Optional.of(new KnownTrials.Known(started.get().seq(), trial));
        });
        return result.map(this::remember);
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
        String what = "set parameter '" + name + "' of trial id " + trialId;
        PostgresWrites.Stamp stamp = postgres
                ? tx.runAutoCommit(what, c -> PostgresWrites.setParam(c, trialId, name, param)) : null;
        if (stamp != null) {
            return afterWrite(trialId, stamp, before -> TrialEdits.withParam(before, name, param));
        }
        return remember(tx.run(what, c -> updates.setParam(c, trialId, name, param)));
    }

    @Override
    public TrialRecord reportIntermediate(long trialId, int step, double value) {
        String what = "report step " + step + " of trial id " + trialId;
        PostgresWrites.Stamp stamp = postgres
                ? tx.runAutoCommit(what, c -> PostgresWrites.reportIntermediate(c, trialId, step, value)) : null;
        if (stamp != null) {
            return afterWrite(trialId, stamp, before -> TrialEdits.withStep(before, step, value));
        }
        return remember(tx.run(what, c -> updates.reportIntermediate(c, trialId, step, value)));
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        setAttr("set user attribute '" + key + "' of trial id " + trialId, trialId, Rows.Attrs.TRIAL_USER, key, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        setAttr("set system attribute '" + key + "' of trial id " + trialId, trialId, Rows.Attrs.TRIAL_SYSTEM, key,
                value);
    }

    private void setAttr(String what, long trialId, Rows.Attrs table, String key, Object value) {
        PostgresWrites.Stamp stamp = postgres
                ? tx.runAutoCommit(what, c -> PostgresWrites.setAttr(c, trialId, table, key, value)) : null;
        KnownTrials.Known after;
        if (stamp != null) {
            TrialRecord before = known.at(trialId, stamp.before());
            after = before == null ? null
                    : new KnownTrials.Known(stamp.after(), TrialEdits.withAttr(before, table, key, value));
        } else {
            after = tx.run(what, c -> updates.setAttr(c, trialId, table, key, value));
        }
        if (after != null) {
            remember(after);
        } else {
            known.forget(trialId); // not read back: the next write reads it
        }
    }

    @Override
    public TrialRecord finishTrial(long trialId, TrialState state, List<Double> values, String reason, Instant now) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("a trial can only be finished as COMPLETE, PRUNED or FAIL, not "
                    + state);
        }
        String what = "finish trial id " + trialId + " as " + state;
        PostgresWrites.Stamp stamp = postgres
                ? tx.runAutoCommit(what, c -> PostgresWrites.finish(c, trialId, state, values, reason, now)) : null;
        TrialRecord finished = stamp != null
                ? afterWrite(trialId, stamp, before -> TrialEdits.finished(before, state, values, reason, now))
                : remember(tx.run(what, c -> lifecycle.finish(c, trialId, state, values, reason, now)));
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
        single("record a heartbeat of trial id " + trialId, c -> {
            updates.heartbeat(c, trialId, now);
            return null;
        });
    }

    @Override
    public List<TrialRecord> failStaleTrials(long studyId, Instant now, Duration grace) {
        List<TrialRecord> failed = tx.run("fail the stale trials of study id " + studyId,
                c -> lifecycle.failStale(c, studyId, now, grace));
        failed.forEach(trial -> known.forget(trial.id()));
        return failed;
    }

    @Override
    public boolean claimGridPoint(long studyId, String gridKey, int index, long trialId) {
        return tx.run("claim point " + index + " of grid '" + gridKey + "'",
                c -> studyWrites.claim(c, studyId, gridKey, index, trialId));
    }

    @Override
    public Map<Integer, Long> gridClaims(long studyId, String gridKey) {
        return tx.run("read the claims of grid '" + gridKey + "'", c -> studyWrites.claims(c, studyId, gridKey));
    }

    @Override
    public TrialRecord trial(long trialId) {
        return remember(single("read trial id " + trialId, c -> trials.known(c, trialId)));
    }

    @Override
    public TrialChanges trialsChangedSince(long studyId, long cursor) {
        return single("read the changed trials of study id " + studyId, c -> trials.changedSince(c, studyId, cursor));
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
