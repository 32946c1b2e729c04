package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudySummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Study summaries in three aggregate queries, whatever the number of trials: counts by state,
 * the extremes of the first objective's COMPLETE values by value type, and the last activity
 * kept on the study row.
 */
final class StudyStats {

    private static final String COUNTS = "SELECT study_id, state, COUNT(*) FROM trials GROUP BY study_id, state";
    private static final String EXTREMES = "SELECT t.study_id, v.value_type, MIN(v.trial_value), MAX(v.trial_value)"
            + " FROM trial_values v JOIN trials t ON t.trial_id = v.trial_id"
            + " WHERE t.state = 'COMPLETE' AND v.objective = 0 GROUP BY t.study_id, v.value_type";
    private static final String ACTIVITY = "SELECT study_id, last_activity FROM studies";

    private final StudyReader studies;

    StudyStats(StudyReader studies) {
        this.studies = studies;
    }

    List<StudySummary> summaries(Connection connection) throws SQLException {
        Map<Long, Map<TrialState, Integer>> counts = new HashMap<>();
        Map<Long, Map<String, double[]>> extremes = new HashMap<>();
        Map<Long, Instant> activity = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(COUNTS); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.computeIfAbsent(rows.getLong(1), id -> new EnumMap<>(TrialState.class))
                        .put(TrialState.valueOf(rows.getString(2)), rows.getInt(3));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(EXTREMES); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                extremes.computeIfAbsent(rows.getLong(1), id -> new HashMap<>())
                        .put(rows.getString(2), new double[] {rows.getDouble(3), rows.getDouble(4)});
            }
        }
        try (PreparedStatement select = connection.prepareStatement(ACTIVITY); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Instant last = SqlCodec.getTime(rows, 2);
                if (last != null) {
                    activity.put(rows.getLong(1), last);
                }
            }
        }
        List<StudySummary> out = new ArrayList<>();
        for (StudyInfo study : studies.all(connection)) {
            out.add(new StudySummary(study, counts.getOrDefault(study.id(), Map.of()),
                    best(study, extremes.getOrDefault(study.id(), Map.of())),
                    Optional.ofNullable(activity.get(study.id()))));
        }
        return out;
    }

    /** The best value from the extremes by type: an infinity on the good side wins, NaN never does. */
    private static Optional<Double> best(StudyInfo study, Map<String, double[]> byType) {
        if (study.directions().size() != 1) {
            return Optional.empty();
        }
        boolean minimize = study.directions().get(0) == Direction.MINIMIZE;
        if (byType.containsKey(minimize ? "INF_NEG" : "INF_POS")) {
            return Optional.of(minimize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        double[] finite = byType.get("FINITE");
        if (finite != null) {
            return Optional.of(minimize ? finite[0] : finite[1]);
        }
        if (byType.containsKey(minimize ? "INF_POS" : "INF_NEG")) {
            return Optional.of(minimize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        return Optional.empty();
    }
}
