package dev.osprey.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a run talks to people. Results go to stdout; progress and notes to stderr. On a terminal,
 * a sweep's progress is one line redrawn in place (and colour is allowed); off a terminal every
 * event is a plain, timestamped log line without ANSI codes.
 */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private boolean progressShown;

    public Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** A console for this process: a terminal when both stdout and stderr are one and TERM is not dumb. */
    public static Console system() {
        return new Console(System.out, System.err, isInteractive());
    }

    /**
     * Whether this process talks to a terminal. From JDK 22 on, {@code System.console()} exists even
     * when output is redirected, and {@code Console.isTerminal()} (absent from release 21) tells.
     */
    public static boolean isInteractive() {
        java.io.Console console = System.console();
        return console != null && !"dumb".equals(System.getenv("TERM")) && isTerminal(console);
    }

    /**
     * A password typed at the terminal, not echoed; empty when this process has no terminal to
     * ask at (it never waits for input that nobody can type).
     */
    static java.util.Optional<String> readPassword(String prompt) {
        java.io.Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return java.util.Optional.empty();
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null ? java.util.Optional.empty() : java.util.Optional.of(new String(typed));
    }

    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // release 21: System.console() is null unless there is a terminal
        }
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** A note for people, e.g. where the outputs go. */
    public synchronized void info(String line) {
        clearProgress();
        err.println(terminal ? line : "[" + LocalTime.now().format(TIME) + "] " + line);
    }

    /** The live status line: redrawn in place on a terminal, skipped elsewhere (events are logged instead). */
    public synchronized void progress(String line) {
        if (!terminal) {
            return;
        }
        err.print("\r\033[2K" + line);
        err.flush();
        progressShown = true;
    }

    /** Output for the user and for scripts. */
    public synchronized void result(String text) {
        clearProgress();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }

    /** Text that streams as it comes (a followed log). */
    public synchronized void stream(String text) {
        clearProgress();
        out.print(text);
        out.flush();
    }

    /** Colours a status word on a terminal only. */
    public String colour(String word, boolean good) {
        return terminal ? (good ? "\033[32m" : "\033[31m") + word + "\033[0m" : word;
    }

    private void clearProgress() {
        if (progressShown) {
            err.print("\r\033[2K");
            progressShown = false;
        }
    }
}
