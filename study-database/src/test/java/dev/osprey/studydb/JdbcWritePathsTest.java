package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.TrialChanges;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JDBC storage's write paths, on H2 and on PostgreSQL: the order of a write's steps keeps the
 * change feed exact, trials remembered by one storage are read again once another changed them,
 * and the study's count of WAITING trials is mended if it is ever wrong.
 */
class JdbcWritePathsTest extends WithPostgres {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Param X = new Param(Distribution.floats(0, 1), 0.25);
    private static final String H2 = "jdbc:h2:mem:write-paths-" + UUID.randomUUID();

    /**
     * A write stamps its trial last, under the study lock it holds to the commit. A slow write that
     * began before a fast one committed, and that a reader missed, is therefore stamped after what
     * the reader saw, and its next read finds it. (Stamped from a sequence when it began, the slow
     * write would carry a number below the reader's cursor and be missed for good.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWriteThatCommitsAfterAReadIsInTheNextRead(String kind) throws SQLException {
        try (Database database = open(kind)) {
            JdbcStorage storage = storage(database);
            long study = newStudy(storage, "order");
            TrialRecord slow = storage.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow();
            TrialRecord fast = storage.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow();
            long cursor = storage.trialsChangedSince(study, 0).cursor();
            try (Connection connection = database.pool.getConnection()) {
                Rows.lockTrial(connection, slow.id(), "set parameter 'x'");
                Rows.insertParam(connection, slow.id(), "x", X); // written, neither stamped nor committed

                storage.setParam(fast.id(), "x", X); // another worker's write, committed meanwhile
                TrialChanges seen = storage.trialsChangedSince(study, cursor);
                assertEquals(List.of(fast.number()), numbers(seen));

                Rows.stampChanged(connection, study, null, 0, List.of(slow.id()));
                connection.commit();
                TrialChanges next = storage.trialsChangedSince(study, seen.cursor());
                assertEquals(List.of(slow.number()), numbers(next), "the slow write is not missed");
                assertEquals(Map.of("x", X), next.trials().get(0).params());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aTrialAnotherStorageChangedIsReadAgainNotTakenFromMemory(String kind) {
        try (Database firstDatabase = open(kind); Database secondDatabase = open(kind)) {
            JdbcStorage first = storage(firstDatabase);
            JdbcStorage second = storage(secondDatabase);
            long study = newStudy(first, "two-writers");
            TrialRecord trial = first.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow();
            first.setParam(trial.id(), "x", X);

            second.setTrialUserAttr(trial.id(), "by", "second");
            TrialRecord afterParam = first.setParam(trial.id(), "y", X);
            assertEquals(Map.of("by", "second"), afterParam.userAttrs());
            assertEquals(second.trial(trial.id()), afterParam);

            second.reportIntermediate(trial.id(), 0, 0.5);
            TrialRecord finished = first.finishTrial(trial.id(), TrialState.COMPLETE, List.of(1.0), "done", T0);
            assertEquals(Map.of(0, 0.5), finished.intermediateValues());
            assertEquals(second.trial(trial.id()), finished);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWrongCountOfWaitingTrialsIsMendedWhenATrialStarts(String kind) throws SQLException {
        try (Database database = open(kind)) {
            JdbcStorage storage = storage(database);
            long study = newStudy(storage, "mended");
            storage.enqueueTrial(study, Map.of());
            execute(database, "UPDATE studies SET waiting_count = 3 WHERE study_id = " + study);

            assertEquals(0, storage.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow().number(), "the waiting one");
            assertEquals(1, storage.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow().number(), "a new one");
            assertEquals(0, waitingCount(database, study));
            assertEquals(2, storage.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow().number());
            assertEquals(3, storage.trialsChangedSince(study, 0).trials().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void finishingKeepsEveryObjectivesValueAndReturnsWhatIsStored(String kind) {
        try (Database database = open(kind)) {
            JdbcStorage storage = storage(database);
            long study = storage.createStudy("multi-" + UUID.randomUUID(), List.of(Direction.MINIMIZE,
                    Direction.MAXIMIZE, Direction.MINIMIZE), Map.of()).id();
            TrialRecord trial = storage.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow();
            storage.setParam(trial.id(), "x", X);
            List<Double> values = List.of(0.5, Double.POSITIVE_INFINITY, -2.0);
            TrialRecord finished = storage.finishTrial(trial.id(), TrialState.COMPLETE, values, null, T0);
            assertEquals(values, finished.values());
            assertEquals(storage.trial(trial.id()), finished);

            TrialRecord failed = storage.startTrial(study, Integer.MAX_VALUE, T0).orElseThrow();
            TrialRecord told = storage.finishTrial(failed.id(), TrialState.FAIL, List.of(), "it \"broke\"", T0);
            assertEquals(Optional.of("it \"broke\""), told.failReason());
            assertEquals(storage.trial(failed.id()), told);
        }
    }

    private static Database open(String kind) {
        if (kind.equals("h2")) {
            return Database.open(JdbcLocation.parse(H2, new Properties(), name -> null), true);
        }
        PostgresTestDatabase pg = PostgresTestDatabase.require(postgres);
        return Database.open(JdbcLocation.parse(pg.url(), pg.credentials(), name -> null), true);
    }

    /** A storage on an open database; closing the database closes it. */
    private static JdbcStorage storage(Database database) {
        return new JdbcStorage(database, RetryPolicy.DEFAULT, Thread::sleep);
    }

    private static long newStudy(JdbcStorage storage, String name) {
        return storage.createStudy(name + "-" + UUID.randomUUID(), List.of(Direction.MINIMIZE), Map.of()).id();
    }

    private static List<Integer> numbers(TrialChanges changes) {
        return changes.trials().stream().map(TrialRecord::number).sorted().toList();
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (Connection connection = database.pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        }
    }

    private static int waitingCount(Database database, long study) throws SQLException {
        try (Connection connection = database.pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT waiting_count FROM studies WHERE study_id = " + study)) {
            row.next();
            int count = row.getInt(1);
            connection.commit();
            return count;
        }
    }
}
