package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transaction helper: commit, rollback, which failures are tried again and how the rest are reported. */
class TransactionsTest {

    private final List<Long> sleeps = new ArrayList<>();
    private Database database;
    private Transactions tx;

    @BeforeEach
    void open() {
        database = Database.open(JdbcLocation.parse("jdbc:h2:mem:tx-" + UUID.randomUUID() + ";PASSWORD=hunter2",
                new Properties(), name -> null), true);
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(8), Duration.ofMillis(20));
        tx = new Transactions(database.pool, database.location.shown(), policy, sleeps::add);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void conflictsAndBrokenConnectionsAreTriedAgain() {
        for (String state : List.of("40001", "40P01", "HYT00", "08006", "90067")) {
            sleeps.clear();
            AtomicInteger attempts = new AtomicInteger();
            String result = tx.run("do it", c -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new SQLException("conflict", state);
                }
                return "done";
            });
            assertEquals("done", result);
            assertEquals(3, attempts.get(), state);
            assertEquals(2, sleeps.size(), state);
            assertTrue(sleeps.stream().allMatch(ms -> ms >= 0 && ms <= 20), sleeps.toString());
        }
    }

    @Test
    void attemptsAreBoundedAndTheErrorSaysWhatHappenedWhere() {
        StorageException e = assertThrows(StorageException.class,
                () -> tx.run("start a trial", c -> {
                    throw new SQLException("Deadlock detected", "40001");
                }));
        assertEquals(3, sleeps.size());
        String message = e.getMessage();
        assertTrue(message.contains("could not start a trial in jdbc:h2:mem:tx-"), message);
        assertTrue(message.contains("gave up after 4 attempts") && message.contains("40001"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void otherFailuresAreReportedAtOnce() {
        StorageException e = assertThrows(StorageException.class,
                () -> tx.run("read", c -> c.createStatement().executeQuery("SELECT nonsense FROM nowhere")));
        assertTrue(sleeps.isEmpty());
        assertTrue(e.getMessage().contains("42"), e.getMessage());
        assertFalse(e.getMessage().contains("gave up"), e.getMessage());
    }

    @Test
    void workIsRolledBackWhenItThrowsAndOspreyErrorsPassThrough() {
        tx.run("create", c -> c.createStatement().executeUpdate("CREATE TABLE t (x INT)"));
        TrialFinishedException finished = new TrialFinishedException(3, TrialState.COMPLETE, "set something");
        TrialFinishedException thrown = assertThrows(TrialFinishedException.class, () -> tx.run("insert", c -> {
            c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            throw finished;
        }));
        assertEquals(finished, thrown);
        assertEquals(0, tx.run("count", TransactionsTest::count));
        tx.run("insert", c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
        assertEquals(1, tx.run("count", TransactionsTest::count), "committed");
    }

    @Test
    void autoCommitWorkCommitsEachStatementAndTheConnectionReturnsToTransactions() {
        tx.run("create", c -> c.createStatement().executeUpdate("CREATE TABLE t (x INT)"));
        assertThrows(StorageException.class, () -> tx.runAutoCommit("insert twice", c -> {
            c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            return c.createStatement().executeUpdate("INSERT INTO nowhere VALUES (1)");
        }));
        assertEquals(1, tx.run("count", TransactionsTest::count), "the first statement committed on its own");
        assertFalse(tx.run("look", Connection::getAutoCommit), "the pool hands out transactions again");
        AtomicInteger attempts = new AtomicInteger();
        assertEquals("done", tx.runAutoCommit("conflict", c -> {
            if (attempts.incrementAndGet() < 2) {
                throw new SQLException("conflict", "40001");
            }
            return "done";
        }), "conflicts are tried again as in a transaction");
    }

    @Test
    void aCallOnADatabaseThatStaysDownWaitsNoLongerThanItsBoundAndSaysUnreachable() {
        long[] now = {0};
        List<Long> paused = new ArrayList<>();
        RetryPolicy policy = new RetryPolicy(100, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10));
        Transactions bounded = new Transactions(database.pool, database.location.shown(), policy, ms -> {
            paused.add(ms);
            now[0] += ms * 1_000_000;
        }, null, () -> now[0]);
        AtomicInteger attempts = new AtomicInteger();
        StorageException e = assertThrows(StorageException.class, () -> bounded.run("start a trial", c -> {
            attempts.incrementAndGet();
            now[0] += Duration.ofSeconds(2).toNanos(); // each attempt waits out the connection timeout
            throw new SQLException("Connection refused", "08001");
        }));
        assertTrue(e instanceof dev.osprey.optimizer.storage.StorageUnreachableException, e.getClass().getName());
        assertTrue(e.getMessage().contains("the database server cannot be reached (Connection refused"), e.getMessage());
        assertTrue(now[0] <= Duration.ofSeconds(10 + 2).toNanos(), "waited " + now[0] / 1_000_000 + " ms");
        assertTrue(attempts.get() >= 3 && attempts.get() < 100, "attempts: " + attempts.get());
        assertEquals(attempts.get() - 1, paused.size());
    }

    @Test
    void conflictsThatOutlastTheAttemptsAreNotCalledUnreachable() {
        StorageException e = assertThrows(StorageException.class, () -> tx.run("start a trial", c -> {
            throw new SQLException("Deadlock detected", "40001");
        }));
        assertFalse(e instanceof dev.osprey.optimizer.storage.StorageUnreachableException, e.getMessage());
    }

    @Test
    void aPoolTimeoutWithoutAStateIsNotRetried() {
        assertThrows(StorageException.class, () -> tx.run("wait", c -> {
            throw new SQLTransientConnectionException("pool exhausted");
        }));
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aStudyLockHeldPastTheLockTimeoutIsWaitedOut() throws Exception {
        String url = "jdbc:h2:mem:lock-" + UUID.randomUUID() + ";LOCK_TIMEOUT=100";
        try (Storage storage = JdbcStorages.openLocation(url, new Properties(), name -> null)) {
            long study = storage.createStudy("s", List.of(Direction.MINIMIZE), Map.of()).id();
            CountDownLatch locked = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.executeQuery("SELECT * FROM studies WHERE study_id = " + study + " FOR UPDATE").close();
                    }
                    locked.countDown();
                    Thread.sleep(400);
                    c.commit();
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            holder.start();
            locked.await();
            long started = System.nanoTime();
            assertEquals(0, storage.startTrial(study, Integer.MAX_VALUE, Instant.now()).orElseThrow().number());
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(250).toNanos(), "it waited for the lock");
            holder.join();
        }
    }

    @Test
    void retryPoliciesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1)));
        assertTrue(negative.getMessage().contains("PT-1S"), negative.getMessage());
        RetryPolicy policy = RetryPolicy.DEFAULT;
        for (int attempt = 1; attempt < 30; attempt++) {
            long pause = policy.backoffMillis(attempt);
            long ceiling = Math.min(1000, 10L << Math.min(attempt - 1, 20));
            assertTrue(pause >= ceiling / 2 && pause <= ceiling, attempt + ": " + pause);
        }
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM t"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
