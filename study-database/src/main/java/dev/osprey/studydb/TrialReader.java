package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.StorageException;
import dev.osprey.optimizer.storage.TrialChanges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads trials with everything they hold in one statement: the trial rows and the rows of the
 * five child tables, stacked with UNION ALL into one column layout. One statement is one
 * snapshot, so a trial is never seen half-written, and a read costs one round trip however many
 * trials it returns.
 *
 * <p>Columns: kind, trial id, order (change counter or row id), number/objective/step,
 * name (state, parameter name or key), value, value type, text (JSON), start, complete.
 */
final class TrialReader {

    /** Which trials a read returns. */
    enum Filter {
        /** One trial: its id. */
        TRIAL("t.trial_id = ?"),
        /** The trials of a study changed after a cursor: study id, cursor. */
        CHANGED("t.study_id = ? AND t.change_seq > ?"),
        /** The trials a transaction stamped: study id, the transaction's change number. */
        STAMPED("t.study_id = ? AND t.change_seq = ?");

        final String where;

        Filter(String where) {
            this.where = where;
        }
    }

    private static final String TRIALS = "SELECT 0, t.trial_id, t.change_seq, t.number, t.state,"
            + " CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS VARCHAR(8)), CAST(NULL AS VARCHAR),"
            + " t.datetime_start, t.datetime_complete FROM trials t WHERE %s";
    private static final String CHILD = " UNION ALL SELECT %d, c.trial_id, c.%s, %s, %s, %s, %s, %s, NULL, NULL"
            + " FROM %s c %s";
    private static final String STUDY = " UNION ALL SELECT -1, s.study_id, s.change_seq, 0, NULL, NULL, NULL, NULL,"
            + " NULL, NULL FROM studies s WHERE s.study_id = ?";
    private static final String ORDER = " ORDER BY 1, 3, 4";

    private final Map<Filter, String> sql = new LinkedHashMap<>();

    TrialReader() {
        for (Filter filter : Filter.values()) {
            // one trial: the child rows are found by their own trial_id index, without a join
            String children = filter == Filter.TRIAL ? "WHERE c.trial_id = ?"
                    : "JOIN trials t ON t.trial_id = c.trial_id WHERE " + filter.where;
            sql.put(filter, union(filter.where, children) + (filter == Filter.CHANGED ? STUDY : "") + ORDER);
        }
    }

    private static String union(String where, String children) {
        return String.format(TRIALS, where)
                + String.format(CHILD, 1, "param_id", "0", "c.param_name", "c.param_value", "NULL",
                        "c.distribution_json", "trial_params", children)
                + String.format(CHILD, 2, "trial_value_id", "c.objective", "NULL", "c.trial_value", "c.value_type",
                        "NULL", "trial_values", children)
                + String.format(CHILD, 3, "trial_intermediate_value_id", "c.step", "NULL", "c.intermediate_value",
                        "c.intermediate_value_type", "NULL", "trial_intermediate_values", children)
                + String.format(CHILD, 4, "trial_user_attr_id", "0", "c.attr_key", "NULL", "NULL", "c.value_json",
                        "trial_user_attrs", children)
                + String.format(CHILD, 5, "trial_system_attr_id", "0", "c.attr_key", "NULL", "NULL", "c.value_json",
                        "trial_system_attrs", children);
    }

    /** One trial as it is now; a StorageException if there is none with that id. */
    TrialRecord trial(Connection connection, long trialId) throws SQLException {
        List<TrialRecord> found = read(connection, Filter.TRIAL, trialId, 0).trials();
        if (found.isEmpty()) {
            throw new StorageException("trial id " + trialId + " does not exist (was its study deleted?)");
        }
        return found.get(0);
    }

    /** One trial as it is now, with its change number; a StorageException if there is none with that id. */
    KnownTrials.Known known(Connection connection, long trialId) throws SQLException {
        Found rows = read(connection, Filter.TRIAL, trialId, 0);
        if (rows.trials().isEmpty()) {
            throw Rows.missingTrial(trialId);
        }
        return new KnownTrials.Known(rows.maxSeq(), rows.trials().get(0));
    }

    /** The trials of a study that a transaction stamped with {@code seq}, by number. */
    List<TrialRecord> stamped(Connection connection, long studyId, long seq) throws SQLException {
        return read(connection, Filter.STAMPED, studyId, seq).trials();
    }

    /**
     * The trials changed after {@code cursor}, in the order their changes were committed: one
     * statement, which also reads the study's row to tell "nothing changed" from "no such study".
     */
    TrialChanges changedSince(Connection connection, long studyId, long cursor) throws SQLException {
        Found rows = read(connection, Filter.CHANGED, studyId, cursor);
        if (!rows.studyFound()) {
            throw new StorageException("study id " + studyId + " does not exist (was it deleted?)");
        }
        return new TrialChanges(rows.trials(), Math.max(cursor, rows.maxSeq()));
    }

    /** What a read found: the trials, the largest change number among them, whether the study exists. */
    private record Found(List<TrialRecord> trials, long maxSeq, boolean studyFound) {
    }

    private Found read(Connection connection, Filter filter, long first, long second) throws SQLException {
        Map<Long, Builder> trials = new LinkedHashMap<>();
        long maxSeq = 0;
        boolean studyFound = false;
        try (PreparedStatement statement = connection.prepareStatement(sql.get(filter))) {
            int index = 1;
            for (int branch = 0; branch < 6; branch++) {
                statement.setLong(index++, first);
                if (filter != Filter.TRIAL) {
                    statement.setLong(index++, second);
                }
            }
            if (filter == Filter.CHANGED) {
                statement.setLong(index, first);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int kind = rows.getInt(1);
                    if (kind < 0) {
                        studyFound = true;
                    } else if (kind == 0) {
                        Builder trial = new Builder(rows);
                        trials.put(trial.id, trial);
                        maxSeq = Math.max(maxSeq, trial.seq);
                    } else {
                        Builder trial = trials.get(rows.getLong(2));
                        if (trial != null) {
                            trial.add(kind, rows);
                        }
                    }
                }
            }
        }
        List<TrialRecord> out = new ArrayList<>(trials.size());
        for (Builder builder : trials.values()) {
            out.add(builder.build());
        }
        return new Found(out, maxSeq, studyFound);
    }

    /** A trial being assembled from its rows. */
    private static final class Builder {
        final long id;
        final long seq;
        final int number;
        final TrialState state;
        final Instant start;
        final Instant end;
        final TreeMap<Integer, Double> values = new TreeMap<>();
        final Map<String, Param> params = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();

        Builder(ResultSet row) throws SQLException {
            id = row.getLong(2);
            seq = row.getLong(3);
            number = row.getInt(4);
            state = TrialState.valueOf(row.getString(5));
            start = SqlCodec.getTime(row, 9);
            end = SqlCodec.getTime(row, 10);
        }

        void add(int kind, ResultSet row) throws SQLException {
            switch (kind) {
                case 1 -> params.put(row.getString(5), new Param(SqlCodec.distribution(row.getString(8)), row.getDouble(6)));
                case 2 -> values.put(row.getInt(4), SqlCodec.toDouble(row.getDouble(6), row.getString(7)));
                case 3 -> intermediate.put(row.getInt(4), SqlCodec.toDouble(row.getDouble(6), row.getString(7)));
                case 4 -> userAttrs.put(row.getString(5), SqlCodec.fromJson(row.getString(8)));
                case 5 -> systemAttrs.put(row.getString(5), SqlCodec.fromJson(row.getString(8)));
                default -> throw new IllegalStateException("unknown row kind " + kind);
            }
        }

        TrialRecord build() {
            return new TrialRecord(id, number, state, List.copyOf(values.values()), params, intermediate,
                    userAttrs, systemAttrs, Optional.ofNullable(start), Optional.ofNullable(end));
        }
    }
}
