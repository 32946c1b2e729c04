package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.sweeper.JobFactory;
import dev.osprey.sweeper.SweepPlan;
import dev.osprey.sweeper.SweepSummary;
import dev.osprey.sweeper.Sweeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The launch suite's resource parts: what the device pool costs per job (4 fake GPUs, 8 jobs in
 * flight, against the same launcher with 4 slots and no pool), and what the configuration cache saves
 * on a 6-point space swept for 50 random trials.
 */
final class LaunchResources {

    private LaunchResources() {
    }

    static List<Map<String, Object>> run(boolean quick, LaunchJobs jobs, List<String> notes, Consumer<String> progress) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = quick ? 40 : 200;
        Task echo = new Task.Program(LaunchJobs.ECHO, Map.of());
        double pooled;
        double plain;
        try (Launcher launcher = Launchers.create("process", Config.of(Map.of("slots", 8, "gpus", List.of(0, 1, 2, 3))))) {
            inFlight(launcher, jobs.jobs(8, echo), true); // warm-up
            pooled = inFlight(launcher, jobs.jobs(n, echo), true);
        }
        try (Launcher launcher = Launchers.create("process", Config.of(Map.of("slots", 4)))) {
            inFlight(launcher, jobs.jobs(8, echo), false);
            plain = inFlight(launcher, jobs.jobs(n, echo), false);
        }
        double pooledMs = pooled * 1000 / n;
        double plainMs = plain * 1000 / n;
        progress.accept("GPU pool: " + Markdown.fixed(pooledMs, 2) + " ms/job against " + Markdown.fixed(plainMs, 2)
                + " ms/job with 4 slots and no pool");
        rows.add(Row.of("system", "osprey", "launcher", "process+gpu pool", "program", LaunchSuite.ECHO_LABEL,
                "metric", "wall_ms_per_job_8_in_flight", "median", pooledMs, "baseline_4_slots", plainMs,
                "pool_overhead_ms_per_job", pooledMs - plainMs, "jobs", n));
        notes.add("Device pool: " + n + " jobs of `" + LaunchSuite.ECHO_LABEL + "`, each asking for 1 of 4 fake GPUs,"
                + " 8 in flight on the process launcher with 8 slots: " + Markdown.fixed(pooledMs, 2) + " ms of wall"
                + " time per job, against " + Markdown.fixed(plainMs, 2) + " ms with 4 slots and no pool (the same"
                + " 4 at a time): the pool costs " + Markdown.fixed(pooledMs - plainMs, 2) + " ms per job.");

        int trials = 50;
        long trainMs = quick ? 20 : 50;
        double[] uncached = sweep(trials, trainMs, false);
        double[] cached = sweep(trials, trainMs, true);
        progress.accept("cache: " + (int) cached[1] + " of " + trials + " trials cached, " + Markdown.fixed(cached[0], 2)
                + " s against " + Markdown.fixed(uncached[0], 2) + " s");
        rows.add(Row.of("system", "osprey", "launcher", "in-process", "program", trainMs + " ms objective",
                "metric", "cache_6_points_50_trials", "cached", (int) cached[1], "hit_rate", cached[1] / trials,
                "wall_s_cached", cached[0], "wall_s_uncached", uncached[0], "saved_s", uncached[0] - cached[0]));
        notes.add("Configuration cache: a random sweep of " + trials + " trials over 6 points (an objective of "
                + trainMs + " ms, one job at a time, in-memory study): " + (int) cached[1] + " trials cached (hit rate "
                + Markdown.fixed(100 * cached[1] / trials, 0) + "%), " + Markdown.fixed(cached[0], 2) + " s against "
                + Markdown.fixed(uncached[0], 2) + " s without the cache, " + Markdown.fixed(uncached[0] - cached[0], 2)
                + " s saved.");
        return rows;
    }

    /** Wall seconds to run every job, at most 8 submitted at a time; each job asks for one GPU when pooled. */
    private static double inFlight(Launcher launcher, List<Job> jobs, boolean oneGpu) {
        Semaphore flight = new Semaphore(8);
        List<JobHandle> handles = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Job job : jobs) {
            flight.acquireUninterruptibly();
            Job submitted = oneGpu ? job.withSettings(Config.of(Map.of("resources", Map.of("gpus", 1)))) : job;
            JobHandle handle = launcher.submit(submitted);
            handle.result().whenComplete((r, e) -> flight.release());
            handles.add(handle);
        }
        for (JobHandle handle : handles) {
            JobResult result = handle.await();
            if (!result.isCompleted()) {
                throw new IllegalStateException("a benchmark job did not complete: " + result.error());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {wall seconds, cached trials} of a random sweep over 6 points. */
    private static double[] sweep(int trials, long trainMs, boolean cache) {
        SweepPlan.Search space = new SweepPlan.Search(Map.of("x",
                new CategoricalDistribution(List.of(0L, 1L, 2L, 3L, 4L, 5L))));
        JobFactory factory = (number, params, pruning) -> {
            try {
                return Job.of(number, new Task.JavaTask(c -> {
                    Thread.sleep(trainMs); // stands for training
                    return new double[] {((Number) c.config().find("x").orElseThrow().toPlain()).doubleValue()};
                }), Config.of(params), List.of(), java.nio.file.Files.createTempDirectory("osprey-bench-cache-"))
                        .withPruning(pruning);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try (Study study = Study.builder().name("cache").storage(Storages.inMemory()).sampler(Samplers.random())
                .seed(11).create();
             Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", 1)))) {
            long t0 = System.nanoTime();
            SweepSummary summary = Sweeper.builder().study(study).launcher(launcher).plan(space).maxTrials(trials)
                    .cache(cache).jobs(factory).build().run();
            return new double[] {(System.nanoTime() - t0) / 1e9, summary.cached()};
        }
    }
}
