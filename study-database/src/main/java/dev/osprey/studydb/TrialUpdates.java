package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The writes to an unfinished trial: a parameter, an intermediate value, an attribute, a
 * heartbeat. Each locks the trial's row, checks under that lock that the trial has not finished,
 * writes, and as its last step stamps the trial with the study's next change number (heartbeats
 * excepted: they change nothing a reader sees, so they take no study lock at all). See
 * {@link Rows} for why that order keeps the guarantees. The writes return the trial as it is after
 * them, with its change number; a trial {@link KnownTrials} holds at the number found under the
 * lock is not read back.
 */
final class TrialUpdates {

    private final TrialReader reader;
    private final KnownTrials known;

    TrialUpdates(TrialReader reader, KnownTrials known) {
        this.reader = reader;
        this.known = known;
    }

    KnownTrials.Known setParam(Connection connection, long trialId, String name, Param param) throws SQLException {
        Rows.LockedTrial trial = Rows.lockTrial(connection, trialId, "set parameter '" + name + "'");
        TrialRecord current = current(connection, trial);
        Param existing = current.params().get(name);
        if (existing != null) {
            if (!existing.equals(param)) {
                throw new IllegalStateException("trial " + trial.number() + " already has parameter '" + name
                        + "' = " + existing.value() + "; a parameter keeps its first value");
            }
            return new KnownTrials.Known(trial.seq(), current);
        }
        Rows.insertParam(connection, trialId, name, param);
        long seq = Rows.stampChanged(connection, trial.studyId(), null, 0, List.of(trialId));
        return new KnownTrials.Known(seq, TrialEdits.withParam(current, name, param));
    }

    KnownTrials.Known reportIntermediate(Connection connection, long trialId, int step, double value)
            throws SQLException {
        Rows.LockedTrial trial = Rows.lockTrial(connection, trialId, "report step " + step);
        TrialRecord current = current(connection, trial);
        if (current.intermediateValues().containsKey(step)) {
            return new KnownTrials.Known(trial.seq(), current); // a step keeps its first value
        }
        Rows.insertIntermediate(connection, trialId, step, value);
        long seq = Rows.stampChanged(connection, trial.studyId(), null, 0, List.of(trialId));
        return new KnownTrials.Known(seq, TrialEdits.withStep(current, step, value));
    }

    /** Sets an attribute; returns the trial after it if it was known here, else null (it is not read). */
    KnownTrials.Known setAttr(Connection connection, long trialId, Rows.Attrs table, String key, Object value)
            throws SQLException {
        String what = (table == Rows.Attrs.TRIAL_USER ? "set user attribute '" : "set system attribute '") + key + "'";
        Rows.LockedTrial trial = Rows.lockTrial(connection, trialId, what);
        TrialRecord before = known.at(trialId, trial.seq());
        Rows.putAttr(connection, table, trialId, key, value);
        long seq = Rows.stampChanged(connection, trial.studyId(), null, 0, List.of(trialId));
        return before == null ? null : new KnownTrials.Known(seq, TrialEdits.withAttr(before, table, key, value));
    }

    /** One conditional update: it renews an unfinished trial's lease, under that trial's row lock only. */
    void heartbeat(Connection connection, long trialId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trials SET heartbeat = ? WHERE trial_id = ? AND state IN ('RUNNING', 'WAITING')")) {
            SqlCodec.setTime(update, 1, now);
            update.setLong(2, trialId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        throw notUnfinished(connection, trialId, "record a heartbeat");
    }

    /** The locked trial as it is: remembered at its change number, or read. */
    private TrialRecord current(Connection connection, Rows.LockedTrial trial) throws SQLException {
        TrialRecord remembered = known.at(trial.id(), trial.seq());
        return remembered != null ? remembered : reader.trial(connection, trial.id());
    }

    /** The error for a trial a conditional write found finished (or missing). */
    static RuntimeException notUnfinished(Connection connection, long trialId, String attempted) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number, state FROM trials WHERE trial_id = ?")) {
            select.setLong(1, trialId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Rows.missingTrial(trialId);
                }
                return new TrialFinishedException(row.getInt(1), TrialState.valueOf(row.getString(2)), attempted);
            }
        }
    }
}
