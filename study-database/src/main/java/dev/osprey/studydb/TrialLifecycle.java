package dev.osprey.studydb;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The writes that create trials or move them between states: start, enqueue, add (a copy),
 * finish and fail-when-stale. Those that create a trial or pick a WAITING one lock the study's
 * row first, so numbers are the study's trial count read under the lock: unique and gap-free.
 * Finishing and failing lock the trial's row and take the study lock only to stamp the change
 * (see {@link Rows}).
 */
final class TrialLifecycle {

    private final TrialReader reader;
    private final KnownTrials known;

    TrialLifecycle(TrialReader reader, KnownTrials known) {
        this.reader = reader;
        this.known = known;
    }

    /**
     * Starts a trial. The common case, no WAITING trial and budget left, is one update that locks
     * the study row, checks both on it and moves its counters on, and one insert: the study lock is
     * held for those two statements and the commit. Otherwise the row is locked and read first.
     */
    Optional<KnownTrials.Known> start(Connection connection, long studyId, int maxTrials, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE studies SET change_seq = change_seq + 1,"
                + " trial_count = trial_count + 1" + Rows.LAST_ACTIVITY
                + " WHERE study_id = ? AND waiting_count = 0 AND trial_count < ?",
                new String[] {"change_seq", "trial_count"})) {
            SqlCodec.setTime(update, 1, now);
            SqlCodec.setTime(update, 2, now);
            update.setLong(3, studyId);
            update.setInt(4, maxTrials);
            if (update.executeUpdate() > 0) {
                try (ResultSet counters = update.getGeneratedKeys()) {
                    if (!counters.next()) {
                        throw new StorageException("the database returned no counters for study id " + studyId);
                    }
                    return Optional.of(newRunningTrial(connection, studyId, counters.getInt(2) - 1,
                            counters.getLong(1), now));
                }
            }
        }
        return startLocked(connection, studyId, maxTrials, now);
    }

    /** Starts a trial the slow way: the study has WAITING trials, no budget left, or does not exist. */
    Optional<KnownTrials.Known> startLocked(Connection connection, long studyId, int maxTrials, Instant now)
            throws SQLException {
        Rows.LockedStudy study = Rows.lockStudy(connection, studyId);
        if (study.trialCount() - study.waitingCount() >= maxTrials) {
            return Optional.empty();
        }
        OptionalInt oldestWaiting = oldestWaiting(connection, studyId);
        if (oldestWaiting.isEmpty()) {
            // the WAITING count was off (it cannot be, unless the database was edited by hand): mend it
            if (study.trialCount() >= maxTrials) {
                return Optional.empty();
            }
            Rows.LockedStudy mended = new Rows.LockedStudy(studyId, study.seq(), study.trialCount(), 0);
            long stamp = Rows.bump(connection, mended, 1, 0, now);
            return Optional.of(newRunningTrial(connection, studyId, study.trialCount(), stamp, now));
        }
        long stamp = Rows.bump(connection, study, 0, -1, now);
        try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET state = 'RUNNING',"
                + " datetime_start = ?, heartbeat = ?, change_seq = ? WHERE study_id = ? AND number = ?"
                + " AND state = 'WAITING'")) {
            SqlCodec.setTime(update, 1, now);
            SqlCodec.setTime(update, 2, now);
            update.setLong(3, stamp);
            update.setLong(4, studyId);
            update.setInt(5, oldestWaiting.getAsInt());
            if (update.executeUpdate() != 1) {
                // cannot happen: a WAITING trial changes only in transactions that commit under the study lock
                throw new StorageException("WAITING trial " + oldestWaiting.getAsInt() + " of study id " + studyId
                        + " changed while this transaction held the study's lock");
            }
        }
        return Optional.of(new KnownTrials.Known(stamp, reader.stamped(connection, studyId, stamp).get(0)));
    }

    private static OptionalInt oldestWaiting(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MIN(number) FROM trials WHERE study_id = ? AND state = 'WAITING'")) {
            select.setLong(1, studyId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                int number = row.getInt(1);
                return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(number);
            }
        }
    }

    /** Inserts a new RUNNING trial; nothing else is stored with it, so its record needs no read. */
    private static KnownTrials.Known newRunningTrial(Connection connection, long studyId, int number, long stamp,
                                                     Instant now) throws SQLException {
        long id = insertTrial(connection, studyId, number, TrialState.RUNNING, now, null, stamp);
        return new KnownTrials.Known(stamp, newRunning(id, number, now));
    }

    /** The record of a trial just created RUNNING at {@code now}. */
    static TrialRecord newRunning(long id, int number, Instant now) {
        return new TrialRecord(id, number, TrialState.RUNNING, List.of(), Map.of(), new TreeMap<>(), Map.of(),
                Map.of(), Optional.of(SqlCodec.stored(now)), Optional.empty());
    }

    TrialRecord enqueue(Connection connection, long studyId, Map<String, Object> systemAttrs) throws SQLException {
        Rows.LockedStudy study = Rows.lockStudy(connection, studyId);
        long stamp = Rows.bump(connection, study, 1, 1, null);
        long id = insertTrial(connection, studyId, study.trialCount(), TrialState.WAITING, null, null, stamp);
        for (Map.Entry<String, Object> attr : systemAttrs.entrySet()) {
            Rows.putAttr(connection, Rows.Attrs.TRIAL_SYSTEM, id, attr.getKey(), attr.getValue());
        }
        return reader.trial(connection, id);
    }

    TrialRecord add(Connection connection, long studyId, TrialRecord source) throws SQLException {
        Rows.LockedStudy study = Rows.lockStudy(connection, studyId);
        long stamp = Rows.bump(connection, study, 1, source.state() == TrialState.WAITING ? 1 : 0,
                source.end().or(source::start).orElse(null));
        long id = insertTrial(connection, studyId, study.trialCount(), source.state(),
                source.start().orElse(null), source.end().orElse(null), stamp);
        for (var param : source.params().entrySet()) {
            Rows.insertParam(connection, id, param.getKey(), param.getValue());
        }
        for (int objective = 0; objective < source.values().size(); objective++) {
            Rows.insertValue(connection, id, objective, source.values().get(objective));
        }
        for (var step : source.intermediateValues().entrySet()) {
            Rows.insertIntermediate(connection, id, step.getKey(), step.getValue());
        }
        for (var attr : source.userAttrs().entrySet()) {
            Rows.putAttr(connection, Rows.Attrs.TRIAL_USER, id, attr.getKey(), attr.getValue());
        }
        for (var attr : source.systemAttrs().entrySet()) {
            Rows.putAttr(connection, Rows.Attrs.TRIAL_SYSTEM, id, attr.getKey(), attr.getValue());
        }
        return reader.trial(connection, id);
    }

    /**
     * Finishes a trial under its row lock: a conditional update moves a RUNNING trial to its final
     * state (a WAITING one, cancelled, is locked and checked first), then the values and the reason
     * are added and the change is stamped, last, under the study lock.
     */
    KnownTrials.Known finish(Connection connection, long trialId, TrialState state, List<Double> values,
                             String reason, Instant now) throws SQLException {
        long[] running = finishRunning(connection, trialId, state, now);
        long studyId;
        long seq;
        int waitingDelta = 0;
        if (running != null) {
            studyId = running[0];
            seq = running[1];
        } else {
            // not RUNNING: WAITING (a cancelled trial), finished or missing; lockTrial throws for the last two
            Rows.LockedTrial trial = Rows.lockTrial(connection, trialId, "finish it as " + state);
            studyId = trial.studyId();
            seq = trial.seq();
            setFinished(connection, trialId, state, now);
            waitingDelta = -1;
        }
        TrialRecord before = known.at(trialId, seq);
        for (int objective = 0; objective < values.size(); objective++) {
            Rows.insertValue(connection, trialId, objective, values.get(objective));
        }
        if (reason != null) {
            Rows.putAttr(connection, Rows.Attrs.TRIAL_SYSTEM, trialId, TrialRecord.FAIL_REASON, reason);
        }
        TrialRecord finished = before != null ? TrialEdits.finished(before, state, values, reason, now)
                : reader.trial(connection, trialId);
        return new KnownTrials.Known(Rows.stampChanged(connection, studyId, now, waitingDelta, List.of(trialId)),
                finished);
    }

    /**
     * Moves a RUNNING trial to its final state (locking its row); returns its study id and its change
     * number before, or null if it was not RUNNING.
     */
    private static long[] finishRunning(Connection connection, long trialId, TrialState state, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET state = ?,"
                + " datetime_complete = ? WHERE trial_id = ? AND state = 'RUNNING'",
                new String[] {"study_id", "change_seq"})) {
            update.setString(1, state.name());
            SqlCodec.setTime(update, 2, now);
            update.setLong(3, trialId);
            if (update.executeUpdate() == 0) {
                return null;
            }
            try (ResultSet key = update.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new StorageException("the database returned no study id for finished trial id " + trialId);
                }
                return new long[] {key.getLong(1), key.getLong(2)};
            }
        }
    }

    /**
     * Fails the study's RUNNING trials whose last heartbeat is older than the grace period. Each is
     * failed by a conditional update that holds its row lock and checks the state and heartbeat
     * again under it, so concurrent reapers (and a late heartbeat or tell) never fail a trial twice.
     */
    List<TrialRecord> failStale(Connection connection, long studyId, Instant now, Duration grace) throws SQLException {
        // every worker may ask before each trial: look first, and lock only what looks stale
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT trial_id FROM trials"
                + " WHERE study_id = ? AND state = 'RUNNING' AND heartbeat < ? ORDER BY number")) {
            select.setLong(1, studyId);
            SqlCodec.setTime(select, 2, now.minus(grace));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(rows.getLong(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> failed = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET state = 'FAIL',"
                + " datetime_complete = ? WHERE trial_id = ? AND state = 'RUNNING' AND heartbeat < ?",
                new String[] {"heartbeat"})) {
            for (long trialId : candidates) {
                SqlCodec.setTime(update, 1, now);
                update.setLong(2, trialId);
                SqlCodec.setTime(update, 3, now.minus(grace));
                if (update.executeUpdate() == 0) {
                    continue; // another reaper failed it, or it came back to life
                }
                Instant heartbeat;
                try (ResultSet key = update.getGeneratedKeys()) {
                    heartbeat = key.next() ? SqlCodec.getTime(key, 1) : null;
                }
                failed.add(trialId);
                Rows.putAttr(connection, Rows.Attrs.TRIAL_SYSTEM, trialId, TrialRecord.FAIL_REASON,
                        "no heartbeat since " + heartbeat + " (grace period " + grace + "): its worker died");
            }
        }
        if (failed.isEmpty()) {
            return List.of();
        }
        long stamp = Rows.stampChanged(connection, studyId, now, 0, failed);
        return reader.stamped(connection, studyId, stamp);
    }

    private static void setFinished(Connection connection, long trialId, TrialState state, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ?")) {
            update.setString(1, state.name());
            SqlCodec.setTime(update, 2, now);
            update.setLong(3, trialId);
            update.executeUpdate();
        }
    }

    private static long insertTrial(Connection connection, long studyId, int number, TrialState state, Instant start,
                                    Instant end, long stamp) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trials (study_id, number, state,"
                + " datetime_start, datetime_complete, heartbeat, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[] {"trial_id"})) {
            insert.setLong(1, studyId);
            insert.setInt(2, number);
            insert.setString(3, state.name());
            SqlCodec.setTime(insert, 4, start);
            SqlCodec.setTime(insert, 5, end);
            SqlCodec.setTime(insert, 6, state == TrialState.RUNNING ? start : null);
            insert.setLong(7, stamp);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new StorageException("the database returned no id for the new trial " + number);
                }
                return key.getLong(1);
            }
        }
    }
}
