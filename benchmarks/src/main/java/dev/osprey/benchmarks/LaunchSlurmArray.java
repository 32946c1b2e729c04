package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A batch of trivial Slurm jobs, wall time from the first submission to the last result: one job array
 * ({@code sbatch --array=0-(n-1)%K}, the launcher's batch submission) against as many single
 * submissions, both all at once and {@code K} in flight (a sweep's way without arrays). {@code K} is
 * the machine's CPU count, the node's room. The three alternate from round to round.
 */
final class LaunchSlurmArray {

    /** The rows' metric: milliseconds from the first submission to the last result. */
    static final String METRIC = "slurm_batch_wall_ms";

    private LaunchSlurmArray() {
    }

    static List<Map<String, Object>> run(int n, int rounds, String conf, int pollMs, LaunchJobs jobs,
                                         Consumer<String> progress) {
        Task echo = new Task.Program(LaunchJobs.ECHO, Map.of());
        int cap = Runtime.getRuntime().availableProcessors();
        double[] array = new double[rounds];
        double[] allAtOnce = new double[rounds];
        double[] inFlight = new double[rounds];
        try (Launcher launcher = Launchers.create("slurm", Config.of(Map.of("slurm_conf", conf,
                "poll_interval_ms", pollMs)))) {
            for (int r = 0; r < rounds; r++) {
                array[r] = timed(() -> launcher.batches().orElseThrow().submitAll(jobs.jobs(n, echo), cap));
                allAtOnce[r] = timed(() -> jobs.jobs(n, echo).stream().map(launcher::submit).toList());
                inFlight[r] = timed(() -> keepInFlight(launcher, jobs.jobs(n, echo), cap));
                progress.accept("slurm, " + n + " jobs: array " + Markdown.fixed(array[r] / 1000, 1) + " s, single"
                        + " submissions " + Markdown.fixed(allAtOnce[r] / 1000, 1) + " s at once, "
                        + Markdown.fixed(inFlight[r] / 1000, 1) + " s " + cap + " in flight");
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("job array, --array=0-" + (n - 1) + "%" + cap, n, pollMs, array));
        rows.add(row("single sbatch per job, all at once", n, pollMs, allAtOnce));
        rows.add(row("single sbatch per job, " + cap + " in flight", n, pollMs, inFlight));
        return rows;
    }

    private static Map<String, Object> row(String method, int n, int pollMs, double[] ms) {
        return Row.withQuartiles(Row.of("system", "osprey", "launcher", "slurm", "method", method,
                "poll_interval_ms", pollMs, "program", LaunchSuite.ECHO_LABEL, "metric", METRIC, "jobs", n), ms, "rounds");
    }

    /** Milliseconds from the call to the end of every job it submitted; every job must complete. */
    private static double timed(java.util.function.Supplier<List<JobHandle>> submit) {
        long t0 = System.nanoTime();
        List<JobHandle> handles = submit.get();
        for (JobHandle handle : handles) {
            JobResult result = handle.await();
            if (!result.isCompleted()) {
                throw new IllegalStateException("slurm job " + handle.id() + " ended " + result.status() + ": "
                        + result.error());
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Submits {@code cap} jobs, then one more each time one ends, as a sweep without arrays does. */
    private static List<JobHandle> keepInFlight(Launcher launcher, List<Job> jobs, int cap) {
        List<JobHandle> handles = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger ended = new AtomicInteger();
        Runnable[] submitNext = new Runnable[1];
        submitNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= jobs.size()) {
                return;
            }
            JobHandle handle = launcher.submit(jobs.get(i));
            handles.add(handle);
            handle.result().thenRun(() -> {
                if (ended.incrementAndGet() == jobs.size()) {
                    all.complete(null);
                }
                submitNext[0].run();
            });
        };
        for (int i = 0; i < Math.min(cap, jobs.size()); i++) {
            submitNext[0].run();
        }
        all.join();
        return handles;
    }
}
