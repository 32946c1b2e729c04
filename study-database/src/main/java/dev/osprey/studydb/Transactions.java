package dev.osprey.studydb;

import com.zaxxer.hikari.HikariDataSource;
import dev.osprey.optimizer.storage.StorageException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * The one way the JDBC storage talks to its database: each piece of work runs in a transaction of
 * its own, which is committed, or rolled back when the work throws. Conflicts with other
 * transactions (serialization failures, deadlocks, lock timeouts) and broken connections are
 * tried again after a jittered pause, up to {@link RetryPolicy#maxAttempts()} and while the call
 * has waited less than {@link RetryPolicy#maxWait()}; a connection still broken then becomes a
 * {@link dev.osprey.optimizer.storage.StorageUnreachableException}; other SQL failures
 * become a {@link StorageException} at once. Exceptions of Osprey's own (a finished trial, a
 * duplicate study) roll back and pass through unchanged.
 */
final class Transactions {

    /** Work done inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Waits between attempts; tests replace it. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final HikariDataSource pool;
    private final String shownUrl;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    /** Reuses prepared statements (H2 servers), or null. */
    private final StatementCache statements;
    /** Nanoseconds for the time a call has waited ({@link System#nanoTime()}); tests advance their own. */
    private final LongSupplier nanoTime;

    Transactions(HikariDataSource pool, String shownUrl, RetryPolicy policy, Sleeper sleeper) {
        this(pool, shownUrl, policy, sleeper, null, System::nanoTime);
    }

    Transactions(HikariDataSource pool, String shownUrl, RetryPolicy policy, Sleeper sleeper,
                 StatementCache statements, LongSupplier nanoTime) {
        this.pool = pool;
        this.shownUrl = shownUrl;
        this.policy = policy;
        this.sleeper = sleeper;
        this.statements = statements;
        this.nanoTime = nanoTime;
    }

    /**
     * Runs {@code work} in a transaction and commits it.
     *
     * @param what what the work does, for messages ("start a trial of study 3")
     */
    <T> T run(String what, Work<T> work) {
        return run(what, false, work);
    }

    /**
     * Runs {@code work} with auto-commit on: each statement it runs is a transaction of its own, so
     * a work of one statement takes one round trip, with no separate commit, and holds its locks
     * only while the database runs it. For single reads, and for writes done in one statement.
     */
    <T> T runAutoCommit(String what, Work<T> work) {
        return run(what, true, work);
    }

    private <T> T run(String what, boolean autoCommit, Work<T> work) {
        long started = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work, autoCommit);
            } catch (SQLException e) {
                if (!SqlErrors.isTransient(e) || attempt >= policy.maxAttempts()) {
                    throw SqlErrors.failed(what, shownUrl, e, attempt);
                }
                long pause = policy.backoffMillis(attempt);
                long waited = (nanoTime.getAsLong() - started) / 1_000_000;
                if (waited + pause > policy.maxWait().toMillis()) {
                    throw SqlErrors.failed(what, shownUrl, e, attempt);
                }
                pause(what, attempt, pause, e);
            }
        }
    }

    private <T> T once(Work<T> work, boolean autoCommit) throws SQLException {
        Connection connection = pool.getConnection();
        boolean broken = false;
        try {
            Connection worked = statements == null ? connection : statements.wrap(connection);
            if (autoCommit) {
                // the pool sets auto-commit off again when the connection comes back
                connection.setAutoCommit(true);
                return work.run(worked);
            }
            T result = work.run(worked);
            connection.commit();
            return result;
        } catch (SQLException e) {
            broken = SqlErrors.isBrokenConnection(e);
            rollback(connection, autoCommit, e);
            throw e;
        } catch (RuntimeException | Error e) {
            rollback(connection, autoCommit, e);
            throw e;
        } finally {
            if (broken) {
                pool.evictConnection(connection); // a dead connection must not go back to the pool
            } else {
                connection.close();
            }
        }
    }

    private static void rollback(Connection connection, boolean autoCommit, Throwable cause) {
        if (autoCommit) {
            return; // each statement committed or rolled back on its own
        }
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void pause(String what, int attempt, long millis, SQLException e) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            StorageException stop = SqlErrors.failed(what + " (interrupted while waiting to retry)", shownUrl, e, attempt);
            stop.addSuppressed(interrupted);
            throw stop;
        }
    }
}
