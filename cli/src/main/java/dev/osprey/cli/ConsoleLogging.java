package dev.osprey.cli;

import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the libraries and Osprey's own background threads log (the connection pool, the migrations,
 * the lease reaper) reaches the console as one line each, {@code osprey: warning: ...}, between
 * the command's own lines; routine INFO records and stack traces only with {@code --debug}.
 */
final class ConsoleLogging {

    /** Kept referenced: java.util.logging holds its loggers weakly, and would forget the settings. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final List<Logger> ROUTINE_AT_INFO = List.of(Logger.getLogger("com.zaxxer.hikari"),
            Logger.getLogger("org.flywaydb"));
    /**
     * The pool warns of each pooled connection that a stopped server closed, which it then replaces:
     * a sweep says once that the database is unreachable instead.
     */
    private static final Logger POOL_VALIDATION = Logger.getLogger("com.zaxxer.hikari.pool.PoolBase");

    private ConsoleLogging() {
    }

    static void install(boolean debug) {
        for (var handler : ROOT.getHandlers()) {
            ROOT.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        Level level = debug ? Level.INFO : Level.WARNING;
        console.setLevel(level);
        console.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                String line = "osprey: " + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                        + formatMessage(record).replace('\n', ' ') + System.lineSeparator();
                if (debug && record.getThrown() != null) {
                    var trace = new java.io.StringWriter();
                    record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                    line += trace;
                }
                return line;
            }
        });
        ROOT.addHandler(console);
        ROOT.setLevel(level);
        ROUTINE_AT_INFO.forEach(logger -> logger.setLevel(level));
        POOL_VALIDATION.setLevel(debug ? Level.INFO : Level.SEVERE);
    }
}
