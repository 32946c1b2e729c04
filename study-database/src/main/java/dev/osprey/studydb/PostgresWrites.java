package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The common writes on PostgreSQL, each in one statement run with auto-commit: one round trip,
 * and the study row's lock is held only while the server runs the statement, never while a client
 * turns round, which is what made workers queue behind each other. Each statement does what the
 * portable path ({@link TrialLifecycle}, {@link TrialUpdates}) does, taking the same locks in the
 * same order (the trial's row, then the study's, whose change counter it moves on and stamps the
 * trial with), and returns null where that path has to decide instead: a trial that is not RUNNING
 * (or WAITING, for the writes that allow it), a parameter or step already stored, a study with
 * WAITING trials or no budget left. Nothing was written then.
 */
final class PostgresWrites {

    /** A write's effect on the trial's change number: it was {@code before} and is now {@code after}. */
    record Stamp(long before, long after) {
    }

    /** Locks the trial's row if it is unfinished: {@code t}; a write {@code w} on it follows. */
    private static final String LOCK_UNFINISHED = "WITH t AS (SELECT trial_id, study_id, change_seq FROM trials"
            + " WHERE trial_id = ? AND state IN ('RUNNING', 'WAITING') FOR UPDATE), ";
    /** Moves the study's counter on if {@code w} wrote, and stamps the trial with it. */
    private static final String STAMP_IF_WRITTEN = ", s AS (UPDATE studies SET change_seq = change_seq + 1"
            + " WHERE study_id = (SELECT study_id FROM t) AND EXISTS (SELECT 1 FROM w) RETURNING change_seq)"
            + " UPDATE trials SET change_seq = s.change_seq FROM s, t WHERE trials.trial_id = t.trial_id"
            + " RETURNING t.change_seq, s.change_seq";
    private static final String SET_PARAM = LOCK_UNFINISHED + "w AS (INSERT INTO trial_params"
            + " (trial_id, param_name, param_value, distribution_json) SELECT trial_id, ?, ?, ? FROM t"
            + " ON CONFLICT (trial_id, param_name) DO NOTHING RETURNING 1)" + STAMP_IF_WRITTEN;
    private static final String REPORT = LOCK_UNFINISHED + "w AS (INSERT INTO trial_intermediate_values"
            + " (trial_id, step, intermediate_value, intermediate_value_type) SELECT trial_id, ?, ?, ? FROM t"
            + " ON CONFLICT (trial_id, step) DO NOTHING RETURNING 1)" + STAMP_IF_WRITTEN;
    private static final String START = "WITH s AS (UPDATE studies SET change_seq = change_seq + 1,"
            + " trial_count = trial_count + 1" + Rows.LAST_ACTIVITY
            + " WHERE study_id = ? AND waiting_count = 0 AND trial_count < ? RETURNING change_seq, trial_count)"
            + " INSERT INTO trials (study_id, number, state, datetime_start, heartbeat, change_seq)"
            + " SELECT ?, trial_count - 1, 'RUNNING', ?, ?, change_seq FROM s RETURNING trial_id, number, change_seq";

    private PostgresWrites() {
    }

    /** Starts a new trial if the study has no WAITING trial and budget left; else null. */
    static KnownTrials.Known start(Connection connection, long studyId, int maxTrials, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(START)) {
            SqlCodec.setTime(insert, 1, now);
            SqlCodec.setTime(insert, 2, now);
            insert.setLong(3, studyId);
            insert.setInt(4, maxTrials);
            insert.setLong(5, studyId);
            SqlCodec.setTime(insert, 6, now);
            SqlCodec.setTime(insert, 7, now);
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? new KnownTrials.Known(row.getLong(3),
                        TrialLifecycle.newRunning(row.getLong(1), row.getInt(2), now)) : null;
            }
        }
    }

    static Stamp setParam(Connection connection, long trialId, String name, Param param) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(SET_PARAM)) {
            write.setLong(1, trialId);
            write.setString(2, name);
            write.setDouble(3, param.internal());
            write.setString(4, DistributionJson.write(param.distribution()));
            return stamp(write);
        }
    }

    static Stamp reportIntermediate(Connection connection, long trialId, int step, double value) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(REPORT)) {
            write.setLong(1, trialId);
            write.setInt(2, step);
            SqlCodec.setDouble(write, 3, value);
            return stamp(write);
        }
    }

    static Stamp setAttr(Connection connection, long trialId, Rows.Attrs table, String key, Object value)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(LOCK_UNFINISHED + "w AS (INSERT INTO "
                + table.table + " (trial_id, attr_key, value_json) SELECT trial_id, ?, ? FROM t"
                + " ON CONFLICT (trial_id, attr_key) DO UPDATE SET value_json = EXCLUDED.value_json RETURNING 1)"
                + STAMP_IF_WRITTEN)) {
            write.setLong(1, trialId);
            write.setString(2, key);
            write.setString(3, SqlCodec.json(value));
            return stamp(write);
        }
    }

    /** Finishes a RUNNING trial with its values and reason; null if it is not RUNNING. */
    static Stamp finish(Connection connection, long trialId, TrialState state, List<Double> values, String reason,
                        Instant now) throws SQLException {
        String sql = "WITH t AS (SELECT trial_id, study_id, change_seq FROM trials"
                + " WHERE trial_id = ? AND state = 'RUNNING' FOR UPDATE),"
                + " v AS (INSERT INTO trial_values (trial_id, objective, trial_value, value_type)"
                + " SELECT t.trial_id, x.objective - 1, x.trial_value, x.value_type FROM t,"
                + " unnest(CAST(? AS DOUBLE PRECISION[]), CAST(? AS VARCHAR[])) WITH ORDINALITY"
                + " AS x(trial_value, value_type, objective)),"
                + (reason == null ? "" : " r AS (INSERT INTO trial_system_attrs (trial_id, attr_key, value_json)"
                + " SELECT trial_id, ?, ? FROM t ON CONFLICT (trial_id, attr_key)"
                + " DO UPDATE SET value_json = EXCLUDED.value_json),")
                + " s AS (UPDATE studies SET change_seq = change_seq + 1" + Rows.LAST_ACTIVITY
                + " WHERE study_id = (SELECT study_id FROM t) RETURNING change_seq)"
                + " UPDATE trials SET state = ?, datetime_complete = ?, change_seq = s.change_seq FROM s, t"
                + " WHERE trials.trial_id = t.trial_id RETURNING t.change_seq, s.change_seq";
        Double[] numbers = new Double[values.size()];
        String[] types = new String[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            double value = values.get(i);
            numbers[i] = Double.isFinite(value) ? value : null;
            types[i] = SqlCodec.typeOf(value);
        }
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            Array numberArray = connection.createArrayOf("float8", numbers);
            Array typeArray = connection.createArrayOf("varchar", types);
            int index = 1;
            write.setLong(index++, trialId);
            write.setArray(index++, numberArray);
            write.setArray(index++, typeArray);
            if (reason != null) {
                write.setString(index++, TrialRecord.FAIL_REASON);
                write.setString(index++, SqlCodec.json(reason));
            }
            SqlCodec.setTime(write, index++, now);
            SqlCodec.setTime(write, index++, now);
            write.setString(index++, state.name());
            SqlCodec.setTime(write, index, now);
            return stamp(write);
        }
    }

    private static Stamp stamp(PreparedStatement write) throws SQLException {
        try (ResultSet row = write.executeQuery()) {
            return row.next() ? new Stamp(row.getLong(1), row.getLong(2)) : null;
        }
    }
}
