package dev.osprey.sweeper;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageUnreachableException;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep whose study database cannot be reached for a while: it says so, keeps its jobs, retries
 * within its storage timeout and goes on, or stops as DATABASE_LOST. The clock is the test's: a
 * pause between probes advances it, so nothing here waits for real.
 */
class SweeperOutageTest {

    private static final SweepPlan.Search SPACE = new SweepPlan.Search(Map.of("x", new FloatDistribution(-1, 1, false, null)));

    @TempDir
    Path work;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    /** An in-memory storage that refuses every call while {@code down} says so, as a database that is gone. */
    private static Storage flaky(Storage real, java.util.function.BooleanSupplier down, Runnable beforeFinish) {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("finishTrial")) {
                        beforeFinish.run();
                    }
                    if (down.getAsBoolean() && !method.getName().equals("close")) {
                        throw new StorageUnreachableException("could not " + method.getName()
                                + ": the study database is unreachable (Connection refused)", null);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Study study(Storage storage) {
        Study study = Study.builder().name("outage").storage(storage).sampler(Samplers.random())
                .pruner(Pruners.none()).seed(7).create();
        opened.add(study);
        return study;
    }

    private SweeperBuilder sweep(Study study, int trials) {
        Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", 2)));
        opened.add(launcher);
        return Sweeper.builder().study(study).launcher(launcher).plan(SPACE).jobsInFlight(2).maxTrials(trials)
                .clock(clock).storageTimeout(Duration.ofSeconds(60))
                .jobs((number, params, pruning) -> {
                    Path dir = work.resolve(Integer.toString(number));
                    try {
                        Files.createDirectories(dir);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return Job.of(number, new Task.JavaTask(c -> new double[] {c.job().number()}), Config.of(params),
                            List.of(), dir).withPruning(pruning);
                })
                .listener(new SweepListener() {
                    @Override
                    public void storageUnreachable(String reason, Duration budget, int runningJobs) {
                        events.add("unreachable " + budget.toSeconds() + " s: " + reason);
                    }

                    @Override
                    public void storageReachable(Duration outage) {
                        events.add("reachable after " + outage.toSeconds() + " s");
                    }
                });
    }

    private Sweeper build(SweeperBuilder builder) {
        builder.outagePause = length -> {
            pauses.add(length);
            now.updateAndGet(t -> t.plus(length));
        };
        return builder.build();
    }

    @Test
    void aDatabaseThatComesBackWithinTheTimeoutLosesAndDoublesNothing() {
        Storage real = Storages.inMemory();
        AtomicInteger finishes = new AtomicInteger();
        // down from the third tell until three pauses have passed
        Storage storage = flaky(real, () -> finishes.get() >= 3 && pauses.size() < 3, finishes::incrementAndGet);
        Study study = study(storage);
        SweepSummary summary = build(sweep(study, 6)).run();

        assertEquals(SweepSummary.Ending.BUDGET_MET, summary.ending());
        assertEquals(0, summary.exitCode());
        assertEquals(6, summary.count(JobStatus.COMPLETED));
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("unreachable 60 s: could not finishTrial"), events.get(0));
        assertEquals("reachable after " + (1 + 2 + 4) + " s", events.get(1));
        List<TrialRecord> trials = study.trials();
        assertEquals(6, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            assertEquals(t.number(), t.value(), 1e-12, "each trial has its own job's value");
        }
    }

    @Test
    void aTellStoredJustAsTheConnectionBrokeIsNotToldTwice() {
        Storage real = Storages.inMemory();
        AtomicInteger finishes = new AtomicInteger();
        AtomicInteger answersLost = new AtomicInteger();
        Storage storage = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(real, args);
                        if (method.getName().equals("finishTrial") && finishes.incrementAndGet() == 2) {
                            answersLost.incrementAndGet();
                            throw new StorageUnreachableException("the answer was lost with the connection", null);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Study study = study(storage);
        SweepSummary summary = build(sweep(study, 4)).run();

        assertEquals(1, answersLost.get());
        assertEquals(SweepSummary.Ending.BUDGET_MET, summary.ending());
        assertEquals(4, summary.count(JobStatus.COMPLETED));
        assertEquals(4, study.trials().size());
        assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE), study.trials().toString());
    }

    @Test
    void aDatabaseThatStaysDownStopsTheSweepWithinItsTimeoutAndKeepsTheRunningJobsResults() {
        Storage real = Storages.inMemory();
        AtomicInteger finishes = new AtomicInteger();
        Storage storage = flaky(real, () -> finishes.get() >= 3, finishes::incrementAndGet);
        Study study = study(storage);
        Instant start = now.get();
        SweepSummary summary = build(sweep(study, 20)).run();

        assertEquals(SweepSummary.Ending.DATABASE_LOST, summary.ending());
        assertEquals(SweepSummary.EXIT_DATABASE_LOST, summary.exitCode());
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("unreachable 60 s"), events.get(0));
        Duration waited = Duration.between(start, now.get());
        assertEquals(Duration.ofSeconds(60), waited, "the probes' pauses fill the timeout and no more: " + pauses);
        assertTrue(pauses.stream().allMatch(p -> p.compareTo(StorageOutage.MAX_PAUSE) <= 0), pauses.toString());
        // two told before the outage, the one being told and the other running job kept for collection
        assertEquals(4, summary.jobsRun(), summary.table());
        assertTrue(summary.table().contains("study database lost"), summary.table());
        assertTrue(summary.table().contains("2 job result(s) kept in their job directories"), summary.table());
        assertTrue(summary.table().contains("osprey collect outage"), summary.table());
        assertTrue(summary.table().contains("unknown (the study database was lost)"), summary.table());
        List<TrialRecord> stored = real.trialsChangedSince(real.findStudy("outage").orElseThrow().id(), 0).trials();
        assertEquals(2, stored.stream().filter(t -> t.state() == TrialState.COMPLETE).count(), stored.toString());
        assertEquals(2, stored.stream().filter(t -> t.state() == TrialState.RUNNING).count(), stored.toString());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void anInterruptionDuringAnOutageEndsTheSweepAsInterrupted() {
        Storage real = Storages.inMemory();
        AtomicInteger finishes = new AtomicInteger();
        Storage storage = flaky(real, () -> finishes.get() >= 1, finishes::incrementAndGet);
        Study study = study(storage);
        AtomicReference<Sweeper> sweep = new AtomicReference<>();
        SweeperBuilder builder = sweep(study, 20).storageTimeout(Duration.ofHours(1)).listener(new SweepListener() {
            @Override
            public void storageUnreachable(String reason, Duration budget, int runningJobs) {
                Thread.ofPlatform().start(() -> sweep.get().interrupt()); // Ctrl-C, from the JVM's shutdown hook
            }
        });
        sweep.set(builder.build()); // pauses for real: only the interruption ends the hour
        SweepSummary summary = sweep.get().run();

        assertEquals(SweepSummary.Ending.INTERRUPTED, summary.ending());
        assertEquals(SweepSummary.EXIT_INTERRUPTED, summary.exitCode());
        assertTrue(summary.table().contains("study database lost    the sweep was interrupted"), summary.table());
    }

    @Test
    void theStorageTimeoutIsValidated() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sweeper.builder().storageTimeout(Duration.ZERO));
        assertTrue(e.getMessage().contains("storage timeout must be positive, got PT0S"), e.getMessage());
    }
}
