package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Task;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launch suite's jobs and timers: job directories made before the clock starts (a sweep's job
 * factory makes them, not the launcher), sequential submit-and-await loops, and the same program run
 * directly with {@link ProcessBuilder} for its own run time. Every job must complete with the value 1,
 * so that a broken launcher cannot pass for a fast one.
 */
final class LaunchJobs implements AutoCloseable {

    /** The trivial external program of every part: prints the objective 1 and exits. */
    static final List<String> ECHO = List.of("sh", "-c", "echo 1");

    private final Path root;
    private int next;

    LaunchJobs() {
        try {
            root = Files.createTempDirectory("osprey-bench-launch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch directory of this run, for queues and baselines. */
    Path scratch(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} jobs running {@code task}, each with a fresh directory, numbered on from the last ones. */
    List<Job> jobs(int n, Task task) {
        List<Job> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int number = next++;
            Path dir = scratch("jobs/" + number);
            jobs.add(Job.of(number, task, Config.empty(), List.of(), dir));
        }
        return jobs;
    }

    /** Milliseconds from submit to result of each job, one job at a time. */
    static double[] sequential(Launcher launcher, List<Job> jobs) {
        double[] ms = new double[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            long t0 = System.nanoTime();
            JobResult result = launcher.submit(jobs.get(i)).await();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            check(launcher, result);
        }
        return ms;
    }

    /** Submits every job at once and waits for all; returns the wall seconds. */
    static double all(Launcher launcher, List<Job> jobs) {
        long t0 = System.nanoTime();
        List<JobHandle> handles = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            handles.add(launcher.submit(job));
        }
        List<JobResult> results = handles.stream().map(JobHandle::await).toList();
        double wall = (System.nanoTime() - t0) / 1e9;
        results.forEach(r -> check(launcher, r));
        return wall;
    }

    private static void check(Launcher launcher, JobResult result) {
        if (!result.isCompleted() || result.values().size() != 1 || result.value() != 1.0) {
            throw new IllegalStateException("the " + launcher.name() + " launcher's job " + result.number()
                    + " ended " + result.status() + " " + result.values() + ": " + result.error());
        }
    }

    /** Milliseconds of one direct run of {@code command}: start, read its stdout, wait for its exit. */
    static double direct(List<String> command) {
        long t0 = System.nanoTime();
        String out = run(command, Map.of(), null);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!out.strip().equals("1")) {
            throw new IllegalStateException(String.join(" ", command) + " printed '" + out.strip() + "', not 1");
        }
        return ms;
    }

    /**
     * Runs a short command to its end and returns its stdout.
     *
     * @throws IllegalStateException when it exits non-zero (with what it printed)
     */
    static String run(List<String> command, Map<String, String> environment, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            Process process = builder.start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + code + ": "
                        + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
