package dev.osprey.studydb;

import dev.osprey.optimizer.storage.StorageException;
import dev.osprey.optimizer.storage.StorageUnreachableException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Sorts SQL failures by their SQLState (never by driver class, so that H2 and PostgreSQL are read
 * alike) and turns them into {@link StorageException}s that say what happened, where (the URL,
 * never a password) and what to do.
 */
final class SqlErrors {

    /** A unique key was violated: on H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    /** Serialization failures, deadlocks, lock timeouts and H2's concurrent-update conflicts: try again. */
    private static final Set<String> CONFLICTS = Set.of("40001", "40P01", "55P03", "HYT00", "50200", "90131");
    /**
     * Connections that broke (besides class 08): H2's 90067, and 90121, which a reader meets when the
     * writer that served the file closes it under the reader's session; PostgreSQL's server shutdown.
     */
    private static final Set<String> BROKEN = Set.of("90067", "90098", "90121", "57P01", "57P02", "57P03");
    private static final Set<String> BAD_CREDENTIALS = Set.of("28000", "28P01");
    /** H2: a setting or statement that needs an admin user. */
    private static final String H2_ADMIN_RIGHTS_REQUIRED = "90040";
    /**
     * H2's file errors: corrupted (90030), unsupported format (90048), file version (90034), I/O (90028),
     * and read only (90097), which a read-only open reports when H2 would have to roll the file back.
     */
    private static final Set<String> DAMAGED_FILE = Set.of("90030", "90048", "90034", "90028", "90097");

    private SqlErrors() {
    }

    /** The first SQLState in the chain of causes, or "" if none has one. */
    static String state(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof SQLException sql && sql.getSQLState() != null && !sql.getSQLState().isEmpty()) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(state(e));
    }

    /** A failure a later attempt may not meet: a conflict with another transaction or a broken connection. */
    static boolean isTransient(SQLException e) {
        String state = state(e);
        return CONFLICTS.contains(state) || isBrokenConnection(e);
    }

    static boolean isBrokenConnection(SQLException e) {
        String state = state(e);
        return state.startsWith("08") || BROKEN.contains(state);
    }

    /**
     * The error for a failed operation, after {@code attempts} tries: a {@link StorageUnreachableException}
     * when the connection was broken, so that callers that can wait try again.
     */
    static StorageException failed(String what, String url, SQLException e, int attempts) {
        String tries = attempts > 1 ? " (gave up after " + attempts + " attempts)" : "";
        if (isBrokenConnection(e)) {
            return new StorageUnreachableException("could not " + what + " in " + url + tries
                    + ": the database server cannot be reached (" + describe(e) + ")", e);
        }
        String hint = CONFLICTS.contains(state(e))
                ? "; other workers held the study's lock too long, or the database is overloaded" : "";
        return new StorageException("could not " + what + " in " + url + tries + ": " + describe(e) + hint, e);
    }

    /** The error for a database that could not be opened, with what to do about it. */
    static StorageException cannotOpen(String url, Throwable e) {
        String state = state(e);
        String why;
        if (state.equals("90020")) {
            why = "the H2 database file is in use by another process, which does not serve it (an Osprey process"
                    + " that has a study file open serves it to the others; this one is another program, or an"
                    + " Osprey whose h2.bindAddress is no loopback address): wait for it to end, or, for several processes,"
                    + " start an H2 server ('osprey server', H2Server.builder(), or"
                    + " org.h2.tools.Server) or use a shared server such as PostgreSQL, and give every worker"
                    + " its jdbc: URL";
        } else if (DAMAGED_FILE.contains(state) || state.equals("50000") && mentionsFile(e)) {
            why = "the H2 database file cannot be read: it is damaged, is not an H2 2.x database, or this user may"
                    + " not read or write it. Osprey left it as it is: restore a backup, or move it away to start a new database";
        } else if (BAD_CREDENTIALS.contains(state)) {
            why = "wrong user name or password (give them in the URL, as properties, or in "
                    + JdbcLocation.USER_ENV + " / " + JdbcLocation.PASSWORD_ENV + ")";
        } else if (state.equals(H2_ADMIN_RIGHTS_REQUIRED)) {
            why = "the H2 user is not an admin of the database, and the location asks for a setting only admins"
                    + " may change (such as " + JdbcLocation.H2_NO_RESULT_REUSE + "). An osprey server turns H2's"
                    + " reuse of query results off for all its clients: leave such settings out of the location";
        } else if (state.equals("90149") || state.equals("3D000")) {
            why = "the database does not exist on the server, which does not create databases for clients;"
                    + " create it on the server side first";
        } else if (state.startsWith("08") || BROKEN.contains(state)) {
            why = "the database server cannot be reached";
        } else {
            why = "the database refused the connection";
        }
        return new StorageException("cannot open the study database " + url + ": " + why + " (" + describe(e) + ")", e);
    }

    private static boolean mentionsFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("MVStore") || message.contains("File corrupted") || message.contains("file header")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost useful message of an SQL failure, with its SQLState. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() instanceof SQLException && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).strip();
        String state = state(e);
        return JdbcLocation.redact(message) + (state.isEmpty() || message.contains(state) ? "" : " [SQLState " + state + "]");
    }
}
