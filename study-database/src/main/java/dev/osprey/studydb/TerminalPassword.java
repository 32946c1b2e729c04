package dev.osprey.studydb;

import java.util.Optional;

/**
 * The last source of a password for a database server (PostgreSQL, an H2 server): typed at the
 * terminal, not echoed, when nothing else gave one. A process without a terminal (a batch job, a
 * test, output piped elsewhere) is never asked, and goes on without a password.
 */
final class TerminalPassword {

    private TerminalPassword() {
    }

    static Optional<String> ask(String user, String shownLocation) {
        java.io.Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("password for %s at %s: ", user == null ? "the database user" : user,
                shownLocation);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(new String(typed));
    }

    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // release 21: System.console() is null unless there is a terminal
        }
    }
}
