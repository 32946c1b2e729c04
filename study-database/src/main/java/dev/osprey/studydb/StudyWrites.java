package dev.osprey.studydb;

import dev.osprey.optimizer.space.PlainValues;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.storage.DuplicateStudyException;
import dev.osprey.optimizer.storage.StorageException;
import dev.osprey.optimizer.storage.StudyInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The writes on studies: create, delete, attributes, and the grid claims that belong to a study. */
final class StudyWrites {

    StudyInfo create(Connection connection, String name, List<Direction> directions, Map<String, Object> systemAttrs)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO studies (study_name, change_seq, trial_count) VALUES (?, 0, 0)", new String[] {"study_id"})) {
            insert.setString(1, name);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new StorageException("the database returned no id for the new study '" + name + "'");
                }
                id = key.getLong(1);
            }
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateStudyException(name); // also when another worker created it a moment ago
            }
            throw e;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO study_directions (study_id, objective, direction) VALUES (?, ?, ?)")) {
            for (int objective = 0; objective < directions.size(); objective++) {
                insert.setLong(1, id);
                insert.setInt(2, objective);
                insert.setString(3, directions.get(objective).name());
                insert.executeUpdate();
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        for (Map.Entry<String, Object> attr : systemAttrs.entrySet()) {
            Rows.putAttr(connection, Rows.Attrs.STUDY_SYSTEM, id, attr.getKey(), attr.getValue());
            stored.put(attr.getKey(), PlainValues.normalize(attr.getValue()));
        }
        return new StudyInfo(id, name, directions, Map.of(), stored);
    }

    void delete(Connection connection, long studyId) throws SQLException {
        Rows.lockStudy(connection, studyId);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM studies WHERE study_id = ?")) {
            delete.setLong(1, studyId); // trials, their rows, attributes and grid claims go with it (ON DELETE CASCADE)
            delete.executeUpdate();
        }
    }

    void setUserAttr(Connection connection, long studyId, String key, Object value) throws SQLException {
        Rows.lockStudy(connection, studyId);
        Rows.putAttr(connection, Rows.Attrs.STUDY_USER, studyId, key, value);
    }

    void setSystemAttr(Connection connection, long studyId, String key, Object value) throws SQLException {
        Rows.lockStudy(connection, studyId);
        Rows.putAttr(connection, Rows.Attrs.STUDY_SYSTEM, studyId, key, value);
    }

    /** Inserts the claim; the primary key lets exactly one insert per point succeed. */
    boolean claim(Connection connection, long studyId, String gridKey, int index, long trialId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO grid_claims (study_id, grid_key, point_index, trial_id) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, studyId);
            insert.setString(2, gridKey);
            insert.setInt(3, index);
            insert.setLong(4, trialId);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                connection.rollback(); // PostgreSQL has aborted the transaction; nothing was written
                return false;
            }
            throw e;
        }
    }

    /** Each claimed point of the grid with the trial that holds it. */
    Map<Integer, Long> claims(Connection connection, long studyId, String gridKey) throws SQLException {
        Map<Integer, Long> claimed = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT point_index, trial_id FROM grid_claims WHERE study_id = ? AND grid_key = ?")) {
            select.setLong(1, studyId);
            select.setString(2, gridKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        if (claimed.isEmpty()) {
            requireStudy(connection, studyId);
        }
        return Map.copyOf(claimed);
    }

    static void requireStudy(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM studies WHERE study_id = ?")) {
            select.setLong(1, studyId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new StorageException("study id " + studyId + " does not exist (was it deleted?)");
                }
            }
        }
    }
}
