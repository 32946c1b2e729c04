package dev.osprey.sweeper;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SweeperBuilder#cache}: a config that completed is not run again, also across workers. */
class ConfigCacheTest {

    @TempDir
    Path work;

    private static final SweepPlan.Search SIX_POINTS = new SweepPlan.Search(Map.of("x",
            new CategoricalDistribution(List.of(0L, 1L, 2L, 3L, 4L, 5L))));

    private JobFactory jobs(Path root, Task.JobFunction function) {
        return (number, params, pruning) -> {
            try {
                Path dir = Files.createDirectories(root.resolve(Integer.toString(number)));
                return Job.of(number, new Task.JavaTask(function), Config.of(params), List.of(), dir).withPruning(pruning);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static Object x(dev.osprey.launchers.JobContext c) {
        return c.config().find("x").orElseThrow().toPlain();
    }

    @Test
    void twoWorkersOnOneStudyRunEachConfigOnce() throws Exception {
        String location = work.resolve("studies").toString();
        // one H2 file database for both workers: each claim is its own transaction in it
        Storage shared = Storages.open(location);
        Study.builder().name("cache").storage(shared).sampler(Samplers.random()).seed(3).create().close();
        Map<Object, AtomicInteger> runs = new ConcurrentHashMap<>();
        Task.JobFunction train = c -> {
            runs.computeIfAbsent(x(c), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(30); // stands for training time, so that the two workers' jobs overlap
            return new double[] {((Number) x(c)).doubleValue() * 2};
        };
        List<SweepSummary> summaries = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int w = 0; w < 2; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().start(() -> {
                try (Study study = Study.builder().name("cache").storage(shared).sampler(Samplers.random())
                             .pruner(Pruners.none()).load();
                     Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", 2)))) {
                    SweepSummary summary = Sweeper.builder().study(study).launcher(launcher).plan(SIX_POINTS)
                            .jobsInFlight(2).maxTrials(30).cache(true)
                            .jobs(jobs(work.resolve("w" + worker), train)).build().run();
                    synchronized (summaries) {
                        summaries.add(summary);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        shared.close();
        assertEquals(List.of(), errors);
        List<TrialRecord> trials;
        try (Storage s = Storages.open(location);
             Study study = Study.builder().name("cache").storage(s).heartbeatOff().load()) {
            trials = study.trials();
        }
        assertEquals(30, trials.size());
        Map<Integer, TrialRecord> byNumber = new LinkedHashMap<>();
        trials.forEach(t -> byNumber.put(t.number(), t));
        int cachedTrials = 0;
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            assertEquals(((Number) t.paramValues().get("x")).doubleValue() * 2, t.value(), 0.0);
            Object from = t.systemAttrs().get(ConfigCache.ATTR_CACHED_FROM);
            if (from != null) {
                cachedTrials++;
                TrialRecord owner = byNumber.get(((Number) from).intValue());
                assertEquals(t.paramValues(), owner.paramValues(), "reused from a trial of the same config");
                assertTrue(owner.systemAttrs().containsKey(ConfigCache.ATTR_DIGEST));
            }
        }
        int distinct = runs.size();
        runs.forEach((x, n) -> assertEquals(1, n.get(), "x=" + x + " ran once"));
        assertEquals(30 - distinct, cachedTrials);
        assertEquals(cachedTrials, summaries.stream().mapToInt(SweepSummary::cached).sum());
        assertEquals(distinct, summaries.stream().mapToInt(SweepSummary::jobsRun).sum());
        assertTrue(summaries.stream().anyMatch(s -> s.table().contains("cached")), summaries.toString());
    }

    @Test
    void aConfigWhoseTrialFailedRunsAgainAndThenIsReused() {
        AtomicInteger calls = new AtomicInteger();
        try (Study study = Study.builder().name("retry").storage(Storages.inMemory()).sampler(Samplers.random())
                .seed(1).create();
             Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", 1)))) {
            SweepPlan.Search one = new SweepPlan.Search(Map.of("x", new CategoricalDistribution(List.of(7L))));
            SweepSummary summary = Sweeper.builder().study(study).launcher(launcher).plan(one).maxTrials(4).cache(true)
                    .failurePolicy(FailurePolicy.continueAlways())
                    .jobs(jobs(work, c -> {
                        if (calls.incrementAndGet() == 1) {
                            throw new IllegalStateException("diverged");
                        }
                        return new double[] {1.5};
                    })).build().run();
            List<TrialRecord> trials = study.trials();
            assertEquals(TrialState.FAIL, trials.get(0).state());
            assertEquals(TrialState.COMPLETE, trials.get(1).state());
            assertEquals(2, calls.get(), "the failed config ran again once, then its result was reused");
            assertEquals(1, ((Number) trials.get(2).systemAttrs().get(ConfigCache.ATTR_CACHED_FROM)).intValue());
            assertEquals(1, ((Number) trials.get(3).systemAttrs().get(ConfigCache.ATTR_CACHED_FROM)).intValue());
            assertEquals(1.5, trials.get(3).value(), 0.0);
            assertEquals(2, summary.cached());
            assertTrue(summary.table().contains("cached                 2 (same config"), summary.table());
        }
    }

    @Test
    void theDigestIgnoresKeyOrderButNotValues() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("c", "x"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("c", "x"));
        ba.put("a", 1);
        assertEquals(ConfigCache.digest(Config.of(ab)), ConfigCache.digest(Config.of(ba)));
        assertNotEquals(ConfigCache.digest(Config.of(ab)), ConfigCache.digest(Config.of(Map.of("a", 1, "b", Map.of("c", "y")))));
        assertNotEquals(ConfigCache.digest(Config.of(Map.of("a", 1))), ConfigCache.digest(Config.of(Map.of("a", "1"))));
    }
}
