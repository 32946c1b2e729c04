package dev.osprey.optimizer.storage.jdbc;

import dev.osprey.optimizer.Param;
import dev.osprey.optimizer.TrialFinishedException;
import dev.osprey.optimizer.TrialState;
import dev.osprey.optimizer.storage.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The row-level steps the writes are made of. Every write that changes a trial first locks its
 * study's row ({@link #lockStudy}), then moves the study's change counter on ({@link #bump}) and
 * stamps the trials it changed with the new value: within a study, the counter's order is the
 * commit order, which makes incremental reads exact.
 */
final class Rows {

    /** A study row this transaction has locked: its change counter and trial count at the lock. */
    record LockedStudy(long id, long seq, int trialCount) {
    }

    /** A trial whose study row this transaction has locked. */
    record LockedTrial(long id, int number, TrialState state, LockedStudy study) {
    }

    /** The tables of key/JSON attributes, and the column naming their owner. */
    enum Attrs {
        STUDY_USER("study_user_attrs", "study_id"),
        STUDY_SYSTEM("study_system_attrs", "study_id"),
        TRIAL_USER("trial_user_attrs", "trial_id"),
        TRIAL_SYSTEM("trial_system_attrs", "trial_id");

        final String update;
        final String insert;

        Attrs(String table, String owner) {
            update = "UPDATE " + table + " SET value_json = ? WHERE " + owner + " = ? AND attr_key = ?";
            insert = "INSERT INTO " + table + " (value_json, " + owner + ", attr_key) VALUES (?, ?, ?)";
        }
    }

    private Rows() {
    }

    /** Locks a study's row until the transaction ends: {@code SELECT ... FOR UPDATE}. */
    static LockedStudy lockStudy(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT change_seq, trial_count FROM studies WHERE study_id = ? FOR UPDATE")) {
            select.setLong(1, studyId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new StorageException("study id " + studyId + " does not exist (was it deleted?)");
                }
                return new LockedStudy(studyId, row.getLong(1), row.getInt(2));
            }
        }
    }

    /**
     * Moves the locked study's change counter on and returns the new value, which the changed
     * trials are stamped with. {@code newTrials} trials were added (the count grows by that); a
     * non-null {@code activity} (a trial's start or end) also advances the study's last activity.
     */
    static long bump(Connection connection, LockedStudy study, int newTrials, Instant activity) throws SQLException {
        String sql = activity == null
                ? "UPDATE studies SET change_seq = ?, trial_count = ? WHERE study_id = ?"
                : "UPDATE studies SET change_seq = ?, trial_count = ?, last_activity = CASE WHEN last_activity IS NULL"
                  + " OR last_activity < ? THEN ? ELSE last_activity END WHERE study_id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, study.seq() + 1);
            update.setInt(2, study.trialCount() + newTrials);
            int index = 3;
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
     * Locks the study of a trial and reads the trial under that lock; throws
     * {@link TrialFinishedException} if it has finished, naming what was {@code attempted}.
     */
    static LockedTrial lockUnfinished(Connection connection, long trialId, String attempted) throws SQLException {
        long studyId;
        try (PreparedStatement select = connection.prepareStatement("SELECT study_id FROM trials WHERE trial_id = ?")) {
            select.setLong(1, trialId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new StorageException("trial id " + trialId + " does not exist (was its study deleted?)");
                }
                studyId = row.getLong(1);
            }
        }
        LockedStudy study = lockStudy(connection, studyId);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number, state FROM trials WHERE trial_id = ?")) {
            select.setLong(1, trialId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new StorageException("trial id " + trialId + " does not exist (was its study deleted?)");
                }
                LockedTrial trial = new LockedTrial(trialId, row.getInt(1), TrialState.valueOf(row.getString(2)),
                        study);
                if (trial.state().isFinished()) {
                    throw new TrialFinishedException(trial.number(), trial.state(), attempted);
                }
                return trial;
            }
        }
    }

    /** Stamps a trial with the change counter of this transaction. */
    static void stamp(Connection connection, long trialId, long seq) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trials SET change_seq = ? WHERE trial_id = ?")) {
            update.setLong(1, seq);
            update.setLong(2, trialId);
            update.executeUpdate();
        }
    }

    /** Sets or replaces an attribute; callers hold the owner's study lock, so no other writer races. */
    static void putAttr(Connection connection, Attrs table, long ownerId, String key, Object value) throws SQLException {
        String json = SqlCodec.json(value);
        for (String sql : new String[] {table.update, table.insert}) {
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setString(1, json);
                write.setLong(2, ownerId);
                write.setString(3, key);
                if (write.executeUpdate() > 0) {
                    return;
                }
            }
        }
    }

    static void insertParam(Connection connection, long trialId, String name, Param param) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trial_params"
                + " (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, trialId);
            insert.setString(2, name);
            insert.setDouble(3, param.internal());
            insert.setString(4, param.distribution().toJson());
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
