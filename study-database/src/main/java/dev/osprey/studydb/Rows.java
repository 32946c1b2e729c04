package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The row-level steps the writes are made of, and the locking discipline that keeps a study's
 * guarantees while its workers write in parallel:
 *
 * <ul>
 *   <li>A write to an existing trial first locks that trial's row ({@link #lockTrial}) and checks
 *       under the lock that the trial has not finished. Every write to a trial holds its row lock,
 *       so a finished trial never changes and a stale trial is failed once.</li>
 *   <li>Its last step moves the study's change counter on and stamps the changed trials with the
 *       new value ({@link #stampChanged}). That takes the study row's lock, held until the commit,
 *       so within a study the counter's order is the commit order, which makes incremental reads
 *       exact. The work before it holds only the trial's lock: writes to different trials of a
 *       study overlap, and the study lock is held for two statements and the commit.</li>
 *   <li>Writes that create trials or pick a WAITING one (start, enqueue, add) lock the study row
 *       first ({@link #lockStudy}): the trial count read under it is the next trial's number.</li>
 * </ul>
 *
 * Locks are taken trial row first, study row second; the exceptions (claiming a WAITING trial,
 * deleting a study) can deadlock with a write to that same trial, which the database detects and
 * {@link Transactions} retries. On PostgreSQL the common writes take the same steps in one
 * statement each ({@link PostgresWrites}).
 */
final class Rows {

    /** A study row this transaction has locked: its change counter and trial counts at the lock. */
    record LockedStudy(long id, long seq, int trialCount, int waitingCount) {
    }

    /** A trial whose row this transaction has locked, read under that lock, with its change number. */
    record LockedTrial(long id, long studyId, int number, TrialState state, long seq) {
    }

    /** The tables of key/JSON attributes, and the column naming their owner. */
    enum Attrs {
        STUDY_USER("study_user_attrs", "study_id"),
        STUDY_SYSTEM("study_system_attrs", "study_id"),
        TRIAL_USER("trial_user_attrs", "trial_id"),
        TRIAL_SYSTEM("trial_system_attrs", "trial_id");

        final String table;
        final String insert;
        final String update;

        Attrs(String table, String owner) {
            this.table = table;
            insert = "INSERT INTO " + table + " (value_json, " + owner + ", attr_key) SELECT ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + table + " WHERE " + owner + " = ? AND attr_key = ?)";
            update = "UPDATE " + table + " SET value_json = ? WHERE " + owner + " = ? AND attr_key = ?";
        }
    }

    /** Advances a study's last activity to a time set as two parameters, unless it is later already. */
    static final String LAST_ACTIVITY = ", last_activity = CASE WHEN last_activity IS NULL"
            + " OR last_activity < ? THEN ? ELSE last_activity END";

    private Rows() {
    }

    /** Locks a study's row until the transaction ends: {@code SELECT ... FOR UPDATE}. */
    static LockedStudy lockStudy(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT change_seq, trial_count, waiting_count FROM studies WHERE study_id = ? FOR UPDATE")) {
            select.setLong(1, studyId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw missingStudy(studyId);
                }
                return new LockedStudy(studyId, row.getLong(1), row.getInt(2), row.getInt(3));
            }
        }
    }

    /**
     * Moves the locked study's change counter on and returns the new value, which the changed
     * trials are stamped with. {@code newTrials} trials were added and the WAITING ones changed by
     * {@code waitingDelta}; a non-null {@code activity} (a trial's start or end) also advances the
     * study's last activity.
     */
    static long bump(Connection connection, LockedStudy study, int newTrials, int waitingDelta, Instant activity)
            throws SQLException {
        String sql = "UPDATE studies SET change_seq = ?, trial_count = ?, waiting_count = ?"
                + (activity == null ? "" : LAST_ACTIVITY) + " WHERE study_id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, study.seq() + 1);
            update.setInt(2, study.trialCount() + newTrials);
            update.setInt(3, study.waitingCount() + waitingDelta);
            int index = 4;
            if (activity != null) {
                SqlCodec.setTime(update, index++, activity);
                SqlCodec.setTime(update, index++, activity);
            }
            update.setLong(index, study.id());
            update.executeUpdate();
        }
        return study.seq() + 1;
    }

    /**
     * Locks a trial's row and reads it under that lock; throws {@link TrialFinishedException} if it
     * has finished, naming what was {@code attempted}.
     */
    static LockedTrial lockTrial(Connection connection, long trialId, String attempted) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT study_id, number, state, change_seq FROM trials WHERE trial_id = ? FOR UPDATE")) {
            select.setLong(1, trialId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw missingTrial(trialId);
                }
                LockedTrial trial = new LockedTrial(trialId, row.getLong(1), row.getInt(2),
                        TrialState.valueOf(row.getString(3)), row.getLong(4));
                if (trial.state().isFinished()) {
                    throw new TrialFinishedException(trial.number(), trial.state(), attempted);
                }
                return trial;
            }
        }
    }

    static StorageException missingStudy(long studyId) {
        return new StorageException("study id " + studyId + " does not exist (was it deleted?)");
    }

    static StorageException missingTrial(long trialId) {
        return new StorageException("trial id " + trialId + " does not exist (was its study deleted?)");
    }

    /**
     * The last step of a write that changed {@code trialIds} (locked by this transaction): moves the
     * study's change counter on, under the study row's lock, and stamps the trials with the new
     * value, which it returns. A non-null {@code activity} also advances the study's last activity;
     * {@code waitingDelta} is -1 when a WAITING trial was finished.
     */
    static long stampChanged(Connection connection, long studyId, Instant activity, int waitingDelta,
                             List<Long> trialIds) throws SQLException {
        long seq;
        try (PreparedStatement update = connection.prepareStatement("UPDATE studies SET change_seq = change_seq + 1"
                + (waitingDelta == 0 ? "" : ", waiting_count = waiting_count + " + waitingDelta)
                + (activity == null ? "" : LAST_ACTIVITY) + " WHERE study_id = ?", new String[] {"change_seq"})) {
            int index = 1;
            if (activity != null) {
                SqlCodec.setTime(update, index++, activity);
                SqlCodec.setTime(update, index++, activity);
            }
            update.setLong(index, studyId);
            update.executeUpdate();
            try (ResultSet key = update.getGeneratedKeys()) {
                if (!key.next()) {
                    throw missingStudy(studyId);
                }
                seq = key.getLong(1);
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trials SET change_seq = ? WHERE trial_id = ?")) {
            for (long trialId : trialIds) {
                update.setLong(1, seq);
                update.setLong(2, trialId);
                if (trialIds.size() == 1) {
                    update.executeUpdate();
                } else {
                    update.addBatch();
                }
            }
            if (trialIds.size() > 1) {
                update.executeBatch();
            }
        }
        return seq;
    }

    /**
     * Sets or replaces an attribute: an insert, or an update when the key is taken. Callers hold the
     * owner's lock (the trial's row, or the study's), so no other writer races.
     */
    static void putAttr(Connection connection, Attrs table, long ownerId, String key, Object value)
            throws SQLException {
        String json = SqlCodec.json(value);
        try (PreparedStatement insert = connection.prepareStatement(table.insert)) {
            insert.setString(1, json);
            insert.setLong(2, ownerId);
            insert.setString(3, key);
            insert.setLong(4, ownerId);
            insert.setString(5, key);
            if (insert.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement update = connection.prepareStatement(table.update)) {
            update.setString(1, json);
            update.setLong(2, ownerId);
            update.setString(3, key);
            update.executeUpdate();
        }
    }

    static void insertParam(Connection connection, long trialId, String name, Param param) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trial_params"
                + " (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, trialId);
            insert.setString(2, name);
            insert.setDouble(3, param.internal());
            insert.setString(4, DistributionJson.write(param.distribution()));
            insert.executeUpdate();
        }
    }

    static void insertValue(Connection connection, long trialId, int objective, double value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trial_values"
                + " (trial_id, objective, trial_value, value_type) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, trialId);
            insert.setInt(2, objective);
            SqlCodec.setDouble(insert, 3, value);
            insert.executeUpdate();
        }
    }

    static void insertIntermediate(Connection connection, long trialId, int step, double value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trial_intermediate_values"
                + " (trial_id, step, intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, trialId);
            insert.setInt(2, step);
            SqlCodec.setDouble(insert, 3, value);
            insert.executeUpdate();
        }
    }
}
