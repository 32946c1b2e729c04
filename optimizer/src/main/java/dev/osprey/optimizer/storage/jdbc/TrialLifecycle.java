package dev.osprey.optimizer.storage.jdbc;

import dev.osprey.optimizer.TrialRecord;
import dev.osprey.optimizer.TrialState;
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

/**
 * The writes that create trials or move them between states: start, enqueue, add (a copy),
 * finish and fail-when-stale. Each runs inside a transaction that holds the study's row lock, so
 * numbers are the study's trial count read under the lock: unique and gap-free.
 */
final class TrialLifecycle {

    private final TrialReader reader;

    TrialLifecycle(TrialReader reader) {
        this.reader = reader;
    }

    Optional<TrialRecord> start(Connection connection, long studyId, int maxTrials, Instant now) throws SQLException {
        Rows.LockedStudy study = Rows.lockStudy(connection, studyId);
        int waiting;
        int oldestWaiting;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*), MIN(number) FROM trials WHERE study_id = ? AND state = 'WAITING'")) {
            select.setLong(1, studyId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                waiting = row.getInt(1);
                oldestWaiting = row.getInt(2);
            }
        }
        if (study.trialCount() - waiting >= maxTrials) {
            return Optional.empty();
        }
        long stamp = Rows.bump(connection, study, waiting > 0 ? 0 : 1, now);
        if (waiting > 0) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET state = 'RUNNING',"
                    + " datetime_start = ?, heartbeat = ?, change_seq = ? WHERE study_id = ? AND number = ?")) {
                SqlCodec.setTime(update, 1, now);
                SqlCodec.setTime(update, 2, now);
                update.setLong(3, stamp);
                update.setLong(4, studyId);
                update.setInt(5, oldestWaiting);
                update.executeUpdate();
            }
        } else {
            insertTrial(connection, studyId, study.trialCount(), TrialState.RUNNING, now, null, stamp);
        }
        return Optional.of(reader.stamped(connection, studyId, stamp).get(0));
    }

    TrialRecord enqueue(Connection connection, long studyId, Map<String, Object> systemAttrs) throws SQLException {
        Rows.LockedStudy study = Rows.lockStudy(connection, studyId);
        long stamp = Rows.bump(connection, study, 1, null);
        long id = insertTrial(connection, studyId, study.trialCount(), TrialState.WAITING, null, null, stamp);
        for (Map.Entry<String, Object> attr : systemAttrs.entrySet()) {
            Rows.putAttr(connection, Rows.Attrs.TRIAL_SYSTEM, id, attr.getKey(), attr.getValue());
        }
        return reader.trial(connection, id);
    }

    TrialRecord add(Connection connection, long studyId, TrialRecord source) throws SQLException {
        Rows.LockedStudy study = Rows.lockStudy(connection, studyId);
        long stamp = Rows.bump(connection, study, 1, source.end().or(source::start).orElse(null));
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

    TrialRecord finish(Connection connection, long trialId, TrialState state, List<Double> values, String reason,
                       Instant now) throws SQLException {
        Rows.LockedTrial trial = Rows.lockUnfinished(connection, trialId, "finish it as " + state);
        long stamp = Rows.bump(connection, trial.study(), 0, now);
        setFinished(connection, trialId, state, now, stamp);
        for (int objective = 0; objective < values.size(); objective++) {
            Rows.insertValue(connection, trialId, objective, values.get(objective));
        }
        if (reason != null) {
            Rows.putAttr(connection, Rows.Attrs.TRIAL_SYSTEM, trialId, TrialRecord.FAIL_REASON, reason);
        }
        return reader.trial(connection, trialId);
    }

    List<TrialRecord> failStale(Connection connection, long studyId, Instant now, Duration grace) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Instant> heartbeats = new ArrayList<>();
        // every worker asks before each trial: look without the study lock first, and take it only
        // when there is something to fail (then look again under it, for another reaper may be first)
        staleTrials(connection, studyId, now, grace, ids, heartbeats);
        if (ids.isEmpty()) {
            return List.of();
        }
        Rows.LockedStudy study = Rows.lockStudy(connection, studyId);
        ids.clear();
        heartbeats.clear();
        staleTrials(connection, studyId, now, grace, ids, heartbeats);
        if (ids.isEmpty()) {
            return List.of();
        }
        long stamp = Rows.bump(connection, study, 0, now);
        for (int i = 0; i < ids.size(); i++) {
            setFinished(connection, ids.get(i), TrialState.FAIL, now, stamp);
            Rows.putAttr(connection, Rows.Attrs.TRIAL_SYSTEM, ids.get(i), TrialRecord.FAIL_REASON,
                    "no heartbeat since " + heartbeats.get(i) + " (grace period " + grace + "): its worker died");
        }
        return reader.stamped(connection, studyId, stamp);
    }

    private static void staleTrials(Connection connection, long studyId, Instant now, Duration grace, List<Long> ids,
                                    List<Instant> heartbeats) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT trial_id, heartbeat FROM trials"
                + " WHERE study_id = ? AND state = 'RUNNING' AND heartbeat < ? ORDER BY number")) {
            select.setLong(1, studyId);
            SqlCodec.setTime(select, 2, now.minus(grace));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    heartbeats.add(SqlCodec.getTime(rows, 2));
                }
            }
        }
    }

    private static void setFinished(Connection connection, long trialId, TrialState state, Instant now, long stamp)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trials SET state = ?, datetime_complete = ?, change_seq = ? WHERE trial_id = ?")) {
            update.setString(1, state.name());
            SqlCodec.setTime(update, 2, now);
            update.setLong(3, stamp);
            update.setLong(4, trialId);
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
