package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The launch suite: what a launcher costs per job beyond the program it runs. In-process with a Java
 * no-op and the process launcher with {@code sh -c 'echo 1'} (its own run time measured directly,
 * interleaved), the process launcher's throughput with 2 slots against {@code xargs -P2}
 * ({@link LaunchThroughput}), task-spooler against plain {@code tsp} ({@link LaunchTsp}), Slurm against
 * plain {@code sbatch} ({@link LaunchSlurm}), a
 * job array against single submissions ({@link LaunchSlurmArray}), and Hydra's basic launcher from the baseline measurements.
 */
public final class LaunchSuite {

    static final String NAME = "launch";
    static final String ECHO_LABEL = "sh -c 'echo 1'";
    static final String JAVA_NOOP = "java no-op";

    /** Hydra 1.4's basic launcher, cost per extra job (slope over 1, 4, 8 jobs); Hydra 1.3.2 in brackets there. */
    static final double HYDRA_MS_PER_JOB = 100;
    static final double HYDRA_1_3_MS_PER_JOB = 124;
    /** Hydra 1.4's basic launcher, gap between consecutive in-process jobs. */
    static final double HYDRA_GAP_MS = 63;

    /**
     * How much each part measures: in-process jobs and their warm-up, sequential process jobs and their
     * warm-up, jobs per throughput run and runs per system, sequential tsp jobs, sequential Slurm jobs per
     * variant, and the short poll interval the queued launchers are also measured with.
     */
    public record Plan(int inProcessJobs, int inProcessWarmUp, int processJobs, int processWarmUp,
                       int throughputJobs, int throughputRepeats, int tspJobs, int slurmJobs, int shortPollMs,
                       int slurmBatchJobs, int slurmBatchRounds) {

        public static Plan full() {
            return new Plan(2000, 2000, 200, 30, 200, 3, 200, 25, 50, 100, 3);
        }

        public static Plan quick() {
            return new Plan(300, 300, 50, 10, 50, 1, 20, 3, 50, 100, 1);
        }
    }

    private LaunchSuite() {
    }

    /** Runs every part, adds the suite's notes and peers, and returns the report's body. */
    static String report(boolean quick, List<Map<String, Object>> rows, List<String> notes, Map<String, String> peers,
                         Consumer<String> progress) {
        Plan plan = quick ? Plan.quick() : Plan.full();
        try (LaunchJobs jobs = new LaunchJobs()) {
            rows.addAll(inProcess(plan, jobs, progress));
            rows.addAll(process(plan, jobs, progress));
            rows.addAll(LaunchThroughput.run(plan, jobs, peers, progress));
            rows.addAll(LaunchTsp.run(plan, jobs, directMedian(rows), peers, notes, progress));
            rows.addAll(LaunchSlurm.run(plan, jobs, peers, notes, progress));
            rows.addAll(LaunchResources.run(quick, jobs, notes, progress));
        }
        rows.addAll(hydra());
        notes.add(0, "Peers: " + String.join(", ", peers.values()) + ". " + Runtime.getRuntime().availableProcessors()
                + " CPUs.");
        notes.add("Hydra is not installed here and was not re-measured: its rows are the figures of the project's"
                + " Hydra 1.4 baseline measurements (hydra-1.4-speed.md: Hydra 1.4.0.dev9, 2 cores, median of five"
                + " runs' medians; Hydra 1.3.2 in brackets).");
        return LaunchReport.render(rows);
    }

    private static List<Map<String, Object>> inProcess(Plan plan, LaunchJobs jobs, Consumer<String> progress) {
        Task noop = new Task.JavaTask(context -> new double[] {1});
        double[] ms;
        try (Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", 1)))) {
            LaunchJobs.sequential(launcher, jobs.jobs(plan.inProcessWarmUp(), noop));
            ms = LaunchJobs.sequential(launcher, jobs.jobs(plan.inProcessJobs(), noop));
        }
        progress.accept("in-process, " + JAVA_NOOP + ": " + Markdown.fixed(Stats.median(ms), 3) + " ms/job");
        return List.of(Row.withQuartiles(Row.of("system", "osprey", "launcher", "in-process", "program", JAVA_NOOP,
                "metric", "ms_per_job"), ms, "jobs"));
    }

    /**
     * Sequential process-launcher jobs, each right after a direct run of the same program, so that both
     * see the same machine load; the overhead is the difference of their medians.
     */
    private static List<Map<String, Object>> process(Plan plan, LaunchJobs jobs, Consumer<String> progress) {
        Task echo = new Task.Program(LaunchJobs.ECHO, Map.of());
        double[] launched = new double[plan.processJobs()];
        double[] direct = new double[plan.processJobs()];
        double[] paired = new double[plan.processJobs()];
        try (Launcher launcher = Launchers.create("process", Config.of(Map.of("slots", 1)))) {
            for (Job warm : jobs.jobs(plan.processWarmUp(), echo)) {
                LaunchJobs.direct(LaunchJobs.ECHO);
                LaunchJobs.sequential(launcher, List.of(warm));
            }
            List<Job> timed = jobs.jobs(plan.processJobs(), echo);
            for (int i = 0; i < timed.size(); i++) {
                direct[i] = LaunchJobs.direct(LaunchJobs.ECHO);
                launched[i] = LaunchJobs.sequential(launcher, List.of(timed.get(i)))[0];
                paired[i] = launched[i] - direct[i];
            }
        }
        double overhead = Stats.median(launched) - Stats.median(direct);
        progress.accept("process, " + ECHO_LABEL + ": " + Markdown.fixed(Stats.median(launched), 2) + " ms/job, run"
                + " directly " + Markdown.fixed(Stats.median(direct), 2) + " ms: overhead "
                + Markdown.fixed(overhead, 2) + " ms/job");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Row.withQuartiles(Row.of("system", "direct", "launcher", "ProcessBuilder", "program", ECHO_LABEL,
                "metric", "ms_per_job"), direct, "jobs"));
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "launcher", "process", "program", ECHO_LABEL,
                "metric", "ms_per_job"), launched, "jobs"));
        rows.add(Row.of("system", "osprey", "launcher", "process", "program", ECHO_LABEL,
                "metric", "overhead_ms_per_job", "median", overhead, "paired_median", Stats.median(paired),
                "jobs", plan.processJobs()));
        return rows;
    }

    /** The program's own run time measured in this run (the direct row), for the queued launchers' overhead. */
    static double directMedian(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> Row.is(r, "system", "direct") && Row.is(r, "metric", "ms_per_job"))
                .mapToDouble(r -> Row.num(r, "median")).findFirst().orElse(Double.NaN);
    }

    private static List<Map<String, Object>> hydra() {
        return List.of(
                Row.of("system", "hydra", "launcher", "basic", "program", "@hydra.main app",
                        "metric", "ms_per_job", "median", HYDRA_MS_PER_JOB, "hydra_1_3", HYDRA_1_3_MS_PER_JOB,
                        "method", "cost per extra job, slope over multiruns of 1, 4, 8 jobs", "source", "baseline"),
                Row.of("system", "hydra", "launcher", "basic", "program", "@hydra.main app",
                        "metric", "gap_ms_between_jobs", "median", HYDRA_GAP_MS,
                        "method", "gap between consecutive in-process jobs", "source", "baseline"));
    }
}
