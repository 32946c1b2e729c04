package dev.osprey.benchmarks.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running {@code osprey} process (a sweep's driver, a server, a study command) and its output files. */
final class Driver {

    /** The event line of a trial that ended, as a sweep prints it off a terminal. */
    private static final Pattern TRIAL_ENDED = Pattern.compile("(?m)^\\[[0-9:]+\\] trial \\d+ (completed|failed|pruned|timed out|cancelled)");

    private final Process process;
    private final List<String> args;
    private final Path out;
    private final Path err;

    Driver(Process process, List<String> args, Path out, Path err) {
        this.process = process;
        this.args = args;
        this.out = out;
        this.err = err;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    /** How many trials this driver has seen end so far (completed, failed, pruned, ...). */
    int trialsEnded() {
        Matcher m = TRIAL_ENDED.matcher(stderr());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The driver's live child processes: the jobs it has in flight on a local launcher. */
    List<ProcessHandle> jobs() {
        return process.toHandle().children().filter(p -> Waits.running(p.pid())).toList();
    }

    /** kill -9 (SIGKILL; {@code destroyForcibly} sends it on Linux), then reaps the process. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the end; past the timeout the process is killed and the result says it timed out. */
    Ended await(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            kill9();
        }
        return new Ended(ended ? process.exitValue() : -1, !ended, stdout(), stderr(), String.join(" ", args));
    }

    /** Stops a process that runs until stopped (a server) with SIGTERM, then waits for it. */
    void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill9();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** How a process ended. */
    record Ended(int exitCode, boolean timedOut, String stdout, String stderr, String command) {

        /** A Java stack trace, or a line of one, anywhere in the output: the command line promises none without --debug. */
        boolean hasStackTrace() {
            String all = stdout + "\n" + stderr;
            return all.lines().anyMatch(l -> l.startsWith("\tat ") || l.contains("at dev.osprey.")
                    || l.startsWith("Exception in thread") || l.startsWith("Caused by:"));
        }

        /** The non-blank lines of stderr. */
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        /** A short description for a problem line: the command, the exit code and the end of stderr. */
        String describe() {
            List<String> lines = errorLines();
            String tail = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            return "'osprey " + abbreviate(command, 120) + "' " + (timedOut ? "timed out" : "exited " + exitCode)
                    + (tail.isEmpty() ? "" : "; stderr ends: " + abbreviate(tail, 240));
        }

        static String abbreviate(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max) + "...";
        }
    }
}
