package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.storage.StudyInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads studies with their directions and attributes in one statement (the study rows and the
 * rows of three child tables, stacked with UNION ALL).
 */
final class StudyReader {

    private static final String UNION = "SELECT 0, s.study_id, CAST(0 AS BIGINT), s.study_name, CAST(NULL AS VARCHAR)"
            + " FROM studies s WHERE %1$s"
            + " UNION ALL SELECT 1, d.study_id, CAST(d.objective AS BIGINT), d.direction, NULL"
            + " FROM study_directions d JOIN studies s ON s.study_id = d.study_id WHERE %1$s"
            + " UNION ALL SELECT 2, a.study_id, a.study_user_attr_id, a.attr_key, a.value_json"
            + " FROM study_user_attrs a JOIN studies s ON s.study_id = a.study_id WHERE %1$s"
            + " UNION ALL SELECT 3, a.study_id, a.study_system_attr_id, a.attr_key, a.value_json"
            + " FROM study_system_attrs a JOIN studies s ON s.study_id = a.study_id WHERE %1$s"
            + " ORDER BY 1, 3";
    private static final String BY_NAME = String.format(UNION, "s.study_name = ?");
    private static final String ALL = String.format(UNION, "1 = 1");

    /** The study of that name, if there is one. */
    Optional<StudyInfo> byName(Connection connection, String name) throws SQLException {
        List<StudyInfo> found = read(connection, BY_NAME, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every study, by name. */
    List<StudyInfo> all(Connection connection) throws SQLException {
        List<StudyInfo> studies = new ArrayList<>(read(connection, ALL, null));
        studies.sort(Comparator.comparing(StudyInfo::name));
        return studies;
    }

    private static List<StudyInfo> read(Connection connection, String sql, String name) throws SQLException {
        Map<Long, Builder> studies = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (name != null) {
                for (int i = 1; i <= 4; i++) {
                    statement.setString(i, name);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(2);
                    switch (rows.getInt(1)) {
                        case 0 -> studies.put(id, new Builder(id, rows.getString(4)));
                        case 1 -> studies.get(id).directions.add(Direction.valueOf(rows.getString(4)));
                        case 2 -> studies.get(id).userAttrs.put(rows.getString(4), SqlCodec.fromJson(rows.getString(5)));
                        default -> studies.get(id).systemAttrs.put(rows.getString(4), SqlCodec.fromJson(rows.getString(5)));
                    }
                }
            }
        }
        return studies.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        final long id;
        final String name;
        final List<Direction> directions = new ArrayList<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();

        Builder(long id, String name) {
            this.id = id;
            this.name = name;
        }

        StudyInfo build() {
            return new StudyInfo(id, name, directions, userAttrs, systemAttrs);
        }
    }
}
