package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Throughput of the process launcher with 2 slots against {@code xargs -P2} running the same command
 * the same number of times: all jobs handed over at once, wall time until the last one ended; and the
 * same jobs started from two Java threads with ProcessBuilder and no launcher. Runs of the three
 * alternate, so that all see the same machine load.
 */
final class LaunchThroughput {

    static final int SLOTS = 2;
    /** Sleep of the program in each variant: a short job, and one that is all process start-up. */
    static final List<Integer> SLEEPS_MS = List.of(50, 0);

    private LaunchThroughput() {
    }

    static String program(int sleepMs) {
        return sleepMs == 0 ? "echo 1" : String.format(Locale.ROOT, "sleep %.2f; echo 1", sleepMs / 1000.0);
    }

    static List<Map<String, Object>> run(LaunchSuite.Plan plan, LaunchJobs jobs, Map<String, String> peers,
                                         Consumer<String> progress) {
        peers.put("xargs", LaunchJobs.run(List.of("xargs", "--version"), Map.of(), null).lines().findFirst()
                .orElse("?").strip());
        List<Map<String, Object>> rows = new ArrayList<>();
        Path list = jobs.scratch("xargs").resolve("jobs.txt");
        try {
            Files.writeString(list, IntStream.range(0, plan.throughputJobs()).mapToObj(Integer::toString)
                    .collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Launcher launcher = Launchers.create("process", Config.of(Map.of("slots", SLOTS)))) {
            Task warm = new Task.Program(LaunchJobs.ECHO, Map.of());
            LaunchJobs.all(launcher, jobs.jobs(20, warm));
            for (int sleepMs : SLEEPS_MS) {
                String script = program(sleepMs);
                Task task = new Task.Program(List.of("sh", "-c", script), Map.of());
                double[] xargs = new double[plan.throughputRepeats()];
                double[] direct = new double[plan.throughputRepeats()];
                double[] osprey = new double[plan.throughputRepeats()];
                for (int r = 0; r < plan.throughputRepeats(); r++) {
                    xargs[r] = xargs(list, script, jobs.scratch("xargs"));
                    direct[r] = direct(plan.throughputJobs(), script);
                    osprey[r] = LaunchJobs.all(launcher, jobs.jobs(plan.throughputJobs(), task));
                }
                rows.add(row("xargs", "xargs -P" + SLOTS, script, sleepMs, plan.throughputJobs(), xargs));
                rows.add(row("direct", SLOTS + " threads, ProcessBuilder", script, sleepMs, plan.throughputJobs(),
                        direct));
                rows.add(row("osprey", "process", script, sleepMs, plan.throughputJobs(), osprey));
                progress.accept("throughput, " + plan.throughputJobs() + " x sh -c '" + script + "', " + SLOTS
                        + " at once: osprey " + Markdown.fixed(plan.throughputJobs() / Stats.median(osprey), 1)
                        + " jobs/s, xargs " + Markdown.fixed(plan.throughputJobs() / Stats.median(xargs), 1)
                        + " jobs/s, ProcessBuilder " + Markdown.fixed(plan.throughputJobs() / Stats.median(direct), 1)
                        + " jobs/s");
            }
        }
        return rows;
    }

    /**
     * The same jobs started from Java without a launcher: {@value #SLOTS} threads each starting the program
     * with ProcessBuilder, reading its stdout and waiting for it; the wall seconds. What Java's own way of
     * starting processes allows, for comparison with xargs's fork and exec.
     */
    private static double direct(int n, String script) {
        ExecutorService threads = Executors.newFixedThreadPool(SLOTS);
        try {
            long t0 = System.nanoTime();
            List<Future<Double>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(threads.submit(() -> LaunchJobs.direct(List.of("sh", "-c", script))));
            }
            for (Future<Double> run : runs) {
                run.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a direct run failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One run of {@code xargs -P2 -n1 sh -c SCRIPT} over the list; returns its wall seconds. */
    private static double xargs(Path list, String script, Path directory) {
        List<String> command = List.of("xargs", "-P", Integer.toString(SLOTS), "-n", "1", "-a", list.toString(),
                "sh", "-c", script);
        long t0 = System.nanoTime();
        String out = LaunchJobs.run(command, Map.of(), directory);
        double wall = (System.nanoTime() - t0) / 1e9;
        long ones = out.lines().filter(l -> l.equals("1")).count();
        try {
            if (ones != Files.readAllLines(list).size()) {
                throw new IllegalStateException("xargs ran " + ones + " of the jobs");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wall;
    }

    private static Map<String, Object> row(String system, String launcher, String script, int sleepMs, int n,
                                           double[] walls) {
        double[] rates = Arrays.stream(walls).map(w -> n / w).toArray();
        return Row.of("system", system, "launcher", launcher, "program", "sh -c '" + script + "'",
                "sleep_ms", sleepMs, "slots", SLOTS, "metric", "jobs_per_s", "median", Stats.median(rates),
                "min", Arrays.stream(rates).min().orElseThrow(),
                "max", Arrays.stream(rates).max().orElseThrow(),
                "wall_s", Stats.median(walls), "jobs", n, "runs", walls.length);
    }
}
