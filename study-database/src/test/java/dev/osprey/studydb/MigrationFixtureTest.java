package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database written by schema version 1 (see {@link SchemaV1Fixture}) opens upgraded, with everything in it. */
class MigrationFixtureTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aSchemaVersion1DatabaseIsUpgradedWithItsStudiesAndTrialsIntact() throws Exception {
        Path file = copyFixture();
        assertEquals(List.of("1"), appliedVersions(file), "the fixture is a schema 1 database");

        try (Storage storage = Storages.open(file.toString())) {
            StudyInfo legacy = storage.findStudy("legacy").orElseThrow();
            assertEquals(List.of(Direction.MINIMIZE), legacy.directions());
            assertEquals(Map.of("seed", 42L), legacy.systemAttrs());
            assertEquals(Map.of("dataset", "iris"), legacy.userAttrs());
            assertEquals(List.of(Direction.MINIMIZE, Direction.MAXIMIZE),
                    storage.findStudy("legacy-multi").orElseThrow().directions());

            List<TrialRecord> trials = byNumber(storage.trialsChangedSince(legacy.id(), 0).trials());
            assertEquals(List.of(TrialState.COMPLETE, TrialState.FAIL, TrialState.RUNNING),
                    trials.stream().map(TrialRecord::state).toList());
            TrialRecord best = trials.get(0);
            assertEquals(List.of(0.125), best.values());
            assertEquals(Map.of("lr", 0.01, "optimizer", "sgd"), best.paramValues());
            assertEquals(List.of("lr", "optimizer"), List.copyOf(best.params().keySet()));
            assertEquals(List.of(0.5, Double.NaN, Double.POSITIVE_INFINITY), List.copyOf(best.intermediateValues().values()));
            assertEquals(Map.of("epochs", List.of(1L, 2L, 3L)), best.userAttrs());
            assertEquals(Optional.of(T0), best.start());
            assertEquals(Optional.of(T0.plusSeconds(5)), best.end());
            assertEquals(Optional.of("out of memory"), trials.get(1).failReason());
            assertEquals(Map.of(0, best.id()), storage.gridClaims(legacy.id(), "grid-a"));

            StudySummary summary = storage.studySummaries().get(0);
            assertEquals(Optional.of(0.125), summary.bestValue());
            assertEquals(Optional.of(T0.plusSeconds(6)), summary.lastActivity(), "backfilled by the migration");

            assertEquals(3, storage.startTrial(legacy.id(), Integer.MAX_VALUE, T0.plusSeconds(60)).orElseThrow()
                    .number(), "numbering continues after the migrated trials");
            long multi = storage.findStudy("legacy-multi").orElseThrow().id();
            TrialRecord queued = storage.startTrial(multi, Integer.MAX_VALUE, T0).orElseThrow();
            assertEquals(0, queued.number(), "the waiting trial is started first");
            assertEquals(Map.of("x", 1L), queued.systemAttrs().get("fixed_params"));
            assertEquals(1, storage.startTrial(multi, Integer.MAX_VALUE, T0).orElseThrow().number());
            assertEquals(List.of(TrialState.FAIL), storage.failStaleTrials(legacy.id(), T0.plusSeconds(60),
                    java.time.Duration.ofSeconds(30)).stream().map(TrialRecord::state).toList());
        }
        assertEquals(List.of("1", "2", "3"), appliedVersions(file));
    }

    private Path copyFixture() throws IOException {
        Path file = directory.resolve("studies.mv.db");
        try (InputStream in = getClass().getResourceAsStream("schema-v1.mv.db")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<String> appliedVersions(Path file) throws SQLException {
        String url = "jdbc:h2:file:" + file.toString().replace(".mv.db", "") + ";IFEXISTS=TRUE";
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, SchemaV1Fixture.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static List<TrialRecord> byNumber(List<TrialRecord> trials) {
        return trials.stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
    }
}
