package dev.osprey.optimizer.storage.jdbc;

import dev.osprey.optimizer.Param;
import dev.osprey.optimizer.TrialRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The writes to an unfinished trial: a parameter, an intermediate value, an attribute, a
 * heartbeat. Each locks the trial's study, checks under that lock that the trial has not
 * finished, and stamps the trial with the study's next change number (heartbeats excepted: they
 * change nothing a reader sees).
 */
final class TrialUpdates {

    private final TrialReader reader;

    TrialUpdates(TrialReader reader) {
        this.reader = reader;
    }

    TrialRecord setParam(Connection connection, long trialId, String name, Param param) throws SQLException {
        Rows.LockedTrial trial = Rows.lockUnfinished(connection, trialId, "set parameter '" + name + "'");
        try (PreparedStatement select = connection.prepareStatement("SELECT param_value, distribution_json"
                + " FROM trial_params WHERE trial_id = ? AND param_name = ?")) {
            select.setLong(1, trialId);
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    Param existing = new Param(SqlCodec.distribution(row.getString(2)), row.getDouble(1));
                    if (!existing.equals(param)) {
                        throw new IllegalStateException("trial " + trial.number() + " already has parameter '" + name
                                + "' = " + existing.value() + "; a parameter keeps its first value");
                    }
                    return reader.trial(connection, trialId);
                }
            }
        }
        Rows.insertParam(connection, trialId, name, param);
        Rows.stamp(connection, trialId, Rows.bump(connection, trial.study(), 0, null));
        return reader.trial(connection, trialId);
    }

    TrialRecord reportIntermediate(Connection connection, long trialId, int step, double value) throws SQLException {
        Rows.LockedTrial trial = Rows.lockUnfinished(connection, trialId, "report step " + step);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM trial_intermediate_values WHERE trial_id = ? AND step = ?")) {
            select.setLong(1, trialId);
            select.setInt(2, step);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return reader.trial(connection, trialId); // a step keeps its first value
                }
            }
        }
        Rows.insertIntermediate(connection, trialId, step, value);
        Rows.stamp(connection, trialId, Rows.bump(connection, trial.study(), 0, null));
        return reader.trial(connection, trialId);
    }

    void setAttr(Connection connection, long trialId, Rows.Attrs table, String key, Object value) throws SQLException {
        String what = (table == Rows.Attrs.TRIAL_USER ? "set user attribute '" : "set system attribute '") + key + "'";
        Rows.LockedTrial trial = Rows.lockUnfinished(connection, trialId, what);
        Rows.putAttr(connection, table, trialId, key, value);
        Rows.stamp(connection, trialId, Rows.bump(connection, trial.study(), 0, null));
    }

    void heartbeat(Connection connection, long trialId, Instant now) throws SQLException {
        Rows.lockUnfinished(connection, trialId, "record a heartbeat");
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trials SET heartbeat = ? WHERE trial_id = ?")) {
            SqlCodec.setTime(update, 1, now);
            update.setLong(2, trialId);
            update.executeUpdate();
        }
    }
}
