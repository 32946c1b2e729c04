package dev.osprey.studydb;

import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes {@code schema-v1.mv.db}, the H2 study database of schema version 1 that
 * {@link MigrationFixtureTest} upgrades. Run once, when schema 1 was the latest, and commit the
 * file; never regenerate it (it stands for databases written by that release). It applies
 * migration V1 only, then fills two studies with plain SQL as the code of that time stored them.
 *
 * <pre>
 * mvn -q -pl optimizer test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat optimizer/target/cp.txt):optimizer/target/classes:optimizer/target/test-classes" \
 *     dev.osprey.studydb.SchemaV1Fixture \
 *     optimizer/src/test/resources/dev/osprey/studydb/schema-v1
 * </pre>
 */
public final class SchemaV1Fixture {

    static final String USER = "sa";

    private static final String[] ROWS = {
        "INSERT INTO studies (study_id, study_name, change_seq) VALUES (1, 'legacy', 5), (2, 'legacy-multi', 1)",
        "INSERT INTO study_directions (study_id, objective, direction) VALUES (1, 0, 'MINIMIZE'), (2, 0, 'MINIMIZE'),"
            + " (2, 1, 'MAXIMIZE')",
        "INSERT INTO study_system_attrs (study_id, attr_key, value_json) VALUES (1, 'seed', '42')",
        "INSERT INTO study_user_attrs (study_id, attr_key, value_json) VALUES (1, 'dataset', '\"iris\"')",
        "INSERT INTO trials (trial_id, study_id, number, state, datetime_start, datetime_complete, heartbeat, change_seq)"
            + " VALUES (1, 1, 0, 'COMPLETE', TIMESTAMP '2024-05-01 12:00:00', TIMESTAMP '2024-05-01 12:00:05',"
            + " TIMESTAMP '2024-05-01 12:00:00', 3),"
            + " (2, 1, 1, 'FAIL', TIMESTAMP '2024-05-01 12:00:01', TIMESTAMP '2024-05-01 12:00:02',"
            + " TIMESTAMP '2024-05-01 12:00:01', 4),"
            + " (3, 1, 2, 'RUNNING', TIMESTAMP '2024-05-01 12:00:06', NULL, TIMESTAMP '2024-05-01 12:00:07', 5),"
            + " (4, 2, 0, 'WAITING', NULL, NULL, NULL, 1)",
        "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES"
            + " (1, 'lr', 0.01, '{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":1.0E-5,\"high\":1.0,"
            + "\"log\":true,\"step\":null}}'),"
            + " (1, 'optimizer', 1.0, '{\"name\":\"CategoricalDistribution\",\"attributes\":{\"choices\":"
            + "[\"adam\",\"sgd\"]}}'),"
            + " (3, 'lr', 0.1, '{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":1.0E-5,\"high\":1.0,"
            + "\"log\":true,\"step\":null}}')",
        "INSERT INTO trial_values (trial_id, objective, trial_value, value_type) VALUES (1, 0, 0.125, 'FINITE')",
        "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type) VALUES"
            + " (1, 0, 0.5, 'FINITE'), (1, 1, NULL, 'NAN'), (1, 2, NULL, 'INF_POS')",
        "INSERT INTO trial_user_attrs (trial_id, attr_key, value_json) VALUES (1, 'epochs', '[1,2,3]')",
        "INSERT INTO trial_system_attrs (trial_id, attr_key, value_json) VALUES (2, 'fail_reason', '\"out of memory\"'),"
            + " (4, 'fixed_params', '{\"x\":1}')",
        "INSERT INTO grid_claims (study_id, grid_key, point_index, trial_id) VALUES (1, 'grid-a', 0, 1)",
        "ALTER TABLE studies ALTER COLUMN study_id RESTART WITH 3",
        "ALTER TABLE trials ALTER COLUMN trial_id RESTART WITH 5",
    };

    private SchemaV1Fixture() {
    }

    /** Writes the fixture to {@code <args[0]>.mv.db}, which must not exist. */
    public static void main(String[] args) throws SQLException {
        Path target = Path.of(args[0] + ".mv.db").toAbsolutePath();
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists; the fixture is written once and never replaced");
        }
        String url = "jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath();
        Flyway.configure().dataSource(url, USER, "").locations("classpath:db/migration").target("1")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            for (String sql : ROWS) {
                statement.executeUpdate(sql);
            }
            statement.execute("SHUTDOWN COMPACT");
        }
        System.out.println("wrote " + target);
    }
}
