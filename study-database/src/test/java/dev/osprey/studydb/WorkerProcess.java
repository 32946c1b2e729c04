package dev.osprey.studydb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@link StudyWorker} in a JVM of its own: the same java binary and class path as the tests.
 * Its stdout lines are collected as they come; its stderr goes to a file, shown when the
 * worker does not do what a test waits for.
 */
final class WorkerProcess implements AutoCloseable {

    /** The exit status of a process ended by SIGKILL, as {@link Process#exitValue()} reports it (128 + 9). */
    static final int KILLED = 137;

    private final String name;
    private final Process process;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>(); // guarded by itself
    private boolean endOfOutput; // guarded by lines

    private WorkerProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readLines, "stdout-of-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a worker with the database's credentials in its environment and {@code args} as its arguments. */
    static WorkerProcess start(String name, Path logDirectory, SharedDatabase database, List<String> args)
            throws IOException {
        return start(name, logDirectory, database, StudyWorker.class, args);
    }

    /** Starts {@code main} (a class with a main method taking {@code location=...} first) like a worker. */
    static WorkerProcess start(String name, Path logDirectory, SharedDatabase database, Class<?> main, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName(),
                "location=" + database.url()));
        command.addAll(args);
        Path stderr = logDirectory.resolve(name + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.remove(SharedDatabase.USER_ENV);
        env.remove(SharedDatabase.PASSWORD_ENV);
        env.putAll(database.workerEnvironment());
        return new WorkerProcess(name, builder.start(), stderr);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read stays
        } finally {
            synchronized (lines) {
                endOfOutput = true;
                lines.notifyAll();
            }
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** The lines printed so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines that start with {@code kind} and a space, split at spaces. */
    List<String[]> lines(String kind) {
        return lines().stream().filter(l -> l.startsWith(kind + " ")).map(l -> l.split(" ")).toList();
    }

    /**
     * Waits until the lines printed so far satisfy {@code condition}; fails, with the worker's
     * stderr, when they do not within {@code patience} or the worker's output ends first.
     */
    void awaitOutput(String what, Predicate<List<String>> condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (lines) {
            while (!condition.test(lines)) {
                long left = deadline - System.nanoTime();
                if (endOfOutput || left <= 0) {
                    fail(name + (endOfOutput ? " ended" : " did not get there within " + patience) + " before " + what
                            + "; its last lines: " + tail(lines) + describeStderr());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** Waits for the worker to exit 0 (killing it if it does not within {@code patience}) and for all its output. */
    void awaitSuccess(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            fail(name + " did not finish within " + patience + "; its last lines: " + tail(lines()) + describeStderr());
        }
        awaitOutput("the end of its output", l -> endOfOutput, Duration.ofSeconds(10));
        if (process.exitValue() != 0) {
            fail(name + " exited with status " + process.exitValue() + "; its last lines: " + tail(lines())
                    + describeStderr());
        }
    }

    /**
     * Kills the worker with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), waits
     * until it is gone and checks that the signal ended it; then waits for the rest of its output.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail(name + " did not die within 30 s of SIGKILL");
        }
        assertEquals(KILLED, process.exitValue(), name + " ended by SIGKILL, not otherwise" + describeStderr());
        awaitOutput("the end of its output", l -> endOfOutput, Duration.ofSeconds(10));
    }

    String describeStderr() {
        try {
            String text = Files.readString(stderr, StandardCharsets.UTF_8);
            int from = Math.max(0, text.length() - 6000);
            return "\n--- stderr of " + name + (from > 0 ? " (the end)" : "") + " ---\n" + text.substring(from);
        } catch (IOException e) {
            return "\n(no stderr of " + name + ": " + e + ")";
        }
    }

    private static List<String> tail(List<String> lines) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /** Kills the worker if it still runs: no test leaves a process behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
