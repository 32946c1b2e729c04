package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tsp launcher's cost per job, submit to result, one job at a time: with its default settings (a
 * private queue, polled every 200 ms) and with a short poll interval, against plain task-spooler on a
 * queue of its own ({@code tsp sh -c 'echo 1'} then {@code tsp -w ID}). Runs of the three alternate.
 */
final class LaunchTsp {

    static final int DEFAULT_POLL_MS = 200;

    private LaunchTsp() {
    }

    static List<Map<String, Object>> run(LaunchSuite.Plan plan, LaunchJobs jobs, double programMs,
                                         Map<String, String> peers, List<String> notes, Consumer<String> progress) {
        if (!Installed.onPath("tsp")) {
            progress.accept("task-spooler (tsp) is not on PATH: no tsp rows");
            notes.add("**task-spooler is not installed** (no `tsp` on PATH): the tsp rows are missing and its target"
                    + " is not evaluated. Install it with `apt-get install task-spooler`.");
            return List.of();
        }
        Path queue = jobs.scratch("tsp-plain");
        Map<String, String> env = Map.of("TS_SOCKET", queue.resolve("socket").toString(), "TMPDIR", queue.toString());
        Task echo = new Task.Program(LaunchJobs.ECHO, Map.of());
        int n = plan.tspJobs();
        double[] plain = new double[n];
        double[] byDefault = new double[n];
        double[] shortPoll = new double[n];
        try (Launcher defaults = Launchers.create("tsp", Config.empty());
             Launcher quick = Launchers.create("tsp", Config.of(Map.of("poll_interval_ms", plan.shortPollMs())))) {
            // "Task Spooler v1.0.1 - a task queue system for the unix user."
            peers.put("task-spooler", LaunchJobs.run(List.of("tsp", "-V"), env, null).lines().findFirst()
                    .orElse("?").split(" - ")[0].strip());
            LaunchJobs.run(List.of("tsp", "-S", "1"), env, null);
            for (int i = 0; i < 5; i++) {
                plainJob(env, queue);
            }
            LaunchJobs.sequential(defaults, jobs.jobs(5, echo));
            LaunchJobs.sequential(quick, jobs.jobs(5, echo));
            List<Job> first = jobs.jobs(n, echo);
            List<Job> second = jobs.jobs(n, echo);
            for (int i = 0; i < n; i++) {
                plain[i] = plainJob(env, queue);
                byDefault[i] = LaunchJobs.sequential(defaults, List.of(first.get(i)))[0];
                shortPoll[i] = LaunchJobs.sequential(quick, List.of(second.get(i)))[0];
            }
        } finally {
            try {
                LaunchJobs.run(List.of("tsp", "-K"), env, null);
            } catch (RuntimeException e) {
                // the server may not have started
            }
        }
        progress.accept("tsp: plain " + Markdown.fixed(Stats.median(plain), 1) + " ms/job, launcher (poll "
                + DEFAULT_POLL_MS + " ms) " + Markdown.fixed(Stats.median(byDefault), 1) + " ms/job, launcher (poll "
                + plan.shortPollMs() + " ms) " + Markdown.fixed(Stats.median(shortPoll), 1) + " ms/job; program alone "
                + Markdown.fixed(programMs, 2) + " ms");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(rows("tsp", "tsp CMD; tsp -w ID", null, plain, programMs));
        rows.addAll(rows("osprey", "launcher, default settings", DEFAULT_POLL_MS, byDefault, programMs));
        rows.addAll(rows("osprey", "launcher, poll_interval_ms=" + plan.shortPollMs(), plan.shortPollMs(), shortPoll,
                programMs));
        return rows;
    }

    /** One job on the plain queue: submit, then block in {@code tsp -w} until it ended; milliseconds. */
    private static double plainJob(Map<String, String> env, Path queue) {
        long t0 = System.nanoTime();
        String id = LaunchJobs.run(List.of("tsp", "sh", "-c", "echo 1"), env, queue).strip();
        LaunchJobs.run(List.of("tsp", "-w", id), env, queue);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static List<Map<String, Object>> rows(String system, String method, Integer pollMs, double[] ms,
                                                  double programMs) {
        Map<String, Object> keys = Row.of("system", system, "launcher", "tsp", "method", method,
                "poll_interval_ms", pollMs, "program", LaunchSuite.ECHO_LABEL);
        Map<String, Object> latency = new LinkedHashMap<>(keys);
        latency.put("metric", "ms_per_job");
        Map<String, Object> overhead = new LinkedHashMap<>(keys);
        overhead.put("metric", "overhead_ms_per_job");
        overhead.put("median", Stats.median(ms) - programMs);
        overhead.put("program_ms", programMs);
        overhead.put("jobs", ms.length);
        return List.of(Row.withQuartiles(latency, ms, "jobs"), Collections.unmodifiableMap(overhead));
    }
}
