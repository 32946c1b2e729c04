package dev.osprey.sweeper;

import dev.osprey.launchers.JobPrunedException;
import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SuppressWarnings("unchecked")
class SweeperTest {

    @TempDir
    Path work;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private Study study() {
        Study study = Study.builder().name("sweep").storage(Storages.inMemory()).sampler(Samplers.random())
                .pruner(Pruners.none()).seed(7).create();
        opened.add(study);
        return study;
    }

    private Launcher inProcess(int slots) {
        Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", slots)));
        opened.add(launcher);
        return launcher;
    }

    /** Jobs running {@code function} in their own directory under the test folder. */
    private JobFactory jobs(Task.JobFunction function) {
        return (number, params, pruning) -> {
            try {
                Path dir = Files.createDirectories(work.resolve(Integer.toString(number)));
                return Job.of(number, new Task.JavaTask(function), Config.of(params), List.of(), dir).withPruning(pruning);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static final SweepPlan.Search SPACE = new SweepPlan.Search(Map.of("x", new FloatDistribution(-1, 1, false, null)));

    @Test
    void aSearchRunsUntilTheStudyHoldsTheBudget() {
        Study study = study();
        SweepSummary summary = Sweeper.builder().study(study).launcher(inProcess(2)).plan(SPACE).jobsInFlight(2)
                .maxTrials(9).jobs(jobs(c -> new double[] {Math.pow(c.config().getDouble("x"), 2)})).build().run();
        assertEquals(SweepSummary.Ending.BUDGET_MET, summary.ending());
        assertEquals(0, summary.exitCode());
        assertEquals(9, summary.count(JobStatus.COMPLETED));
        List<TrialRecord> trials = study.trials();
        assertEquals(9, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state());
            assertEquals(Math.pow((double) t.paramValues().get("x"), 2), t.value(), 1e-12);
            assertEquals(work.resolve(Integer.toString(t.number())).toString(), t.userAttrs().get(Sweeper.ATTR_JOB_DIR));
        }
        assertEquals(study.bestTrial().number(), summary.best().orElseThrow().number());
    }

    @Test
    void aResumedSweepRunsOnlyWhatIsMissing() {
        Study study = study();
        study.optimize(t -> t.suggestFloat("x", -1, 1), 3);
        AtomicInteger ran = new AtomicInteger();
        SweepSummary summary = Sweeper.builder().study(study).launcher(inProcess(2)).plan(SPACE).maxTrials(5)
                .jobs(jobs(c -> new double[] {ran.incrementAndGet()})).build().run();
        assertEquals(2, ran.get());
        assertEquals(2, summary.jobsRun());
        assertEquals(5, study.trials().size());
    }

    @Test
    void theNextJobStartsAsSoonAsOneEndsWithoutWaitingForABatch() throws Exception {
        Study study = study();
        Map<Integer, CountDownLatch> release = new ConcurrentHashMap<>();
        for (int i = 0; i < 4; i++) {
            release.put(i, new CountDownLatch(1));
        }
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch thirdStarted = new CountDownLatch(1);
        Sweeper sweep = Sweeper.builder().study(study).launcher(inProcess(4)).plan(SPACE).jobsInFlight(2).maxTrials(4)
                .jobs(jobs(c -> {
                    release.get(c.job().number()).await();
                    return new double[] {c.job().number()};
                }))
                .listener(new SweepListener() {
                    @Override
                    public void jobStarted(Job job, JobHandle handle) {
                        events.add("start " + job.number());
                        if (job.number() == 2) {
                            thirdStarted.countDown();
                        }
                    }

                    @Override
                    public void jobEnded(Job job, JobResult result, TrialRecord trial) {
                        events.add("end " + job.number());
                    }
                }).build();
        Thread driver = Thread.ofVirtual().start(sweep::run);
        release.get(1).countDown();
        assertTrue(thirdStarted.await(30, TimeUnit.SECONDS), "job 2 must start once job 1 ended: " + events);
        assertEquals(List.of("start 0", "start 1", "end 1", "start 2"), events.subList(0, 4), "job 0 still runs");
        release.values().forEach(CountDownLatch::countDown);
        driver.join(30_000);
        assertFalse(driver.isAlive());
        assertEquals(4, study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count());
    }

    @Test
    void aGridRunsInOrderAndAResumeSkipsCompletedPoints() {
        List<Map<String, Object>> points = List.of(Map.of("db", "mysql", "n", 1L), Map.of("db", "mysql", "n", 2L),
                Map.of("db", "pg", "n", 1L), Map.of("db", "pg", "n", 2L));
        SweepPlan.Grid grid = new SweepPlan.Grid(points);
        Study study = Study.builder().name("grid").storage(Storages.inMemory()).sampler(grid.sampler())
                .pruner(Pruners.none()).create();
        opened.add(study);
        List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        // the first run fails the third point
        Sweeper.builder().study(study).launcher(inProcess(1)).plan(grid).jobs(jobs(c -> {
            seen.add((Map<String, Object>) c.config().root().toPlain());
            if (c.job().number() == 2) {
                throw new IllegalStateException("node lost");
            }
            return new double[] {1};
        })).build().run();
        assertEquals(points, seen);
        seen.clear();
        SweepSummary again = Sweeper.builder().study(study).launcher(inProcess(1)).plan(grid)
                .jobs(jobs(c -> {
                    seen.add((Map<String, Object>) c.config().root().toPlain());
                    return new double[] {2};
                })).build().run();
        assertEquals(List.of(points.get(2)), seen, "only the failed point runs again");
        assertEquals(SweepSummary.Ending.EXHAUSTED, again.ending());
        assertEquals(5, study.trials().size());
    }

    @Test
    void aGridSweepOnAStudyThatSamplesOtherwiseIsRefused() {
        SweepPlan.Grid grid = new SweepPlan.Grid(List.of(Map.of("n", 1L)));
        SweeperBuilder builder = Sweeper.builder().study(study()).launcher(inProcess(1)).plan(grid)
                .jobs(jobs(c -> new double[] {1}));
        String why = assertThrows(IllegalArgumentException.class, builder::build).getMessage();
        assertTrue(why.contains("RandomSampler") && why.contains("plan.sampler()"), why);
    }

    @Test
    void failFastStopsAtTheFirstFailureAndCancelsTheRest() {
        Study study = study();
        SweepSummary summary = Sweeper.builder().study(study).launcher(inProcess(2)).plan(SPACE).jobsInFlight(2)
                .maxTrials(20).failurePolicy(FailurePolicy.failFast())
                .jobs(jobs(c -> {
                    if (c.job().number() == 0) {
                        throw new IllegalStateException("out of memory");
                    }
                    Thread.sleep(600_000);
                    return new double[] {0};
                })).build().run();
        assertEquals(SweepSummary.Ending.TOO_MANY_FAILURES, summary.ending());
        assertEquals(1, summary.exitCode());
        assertTrue(summary.failureNote().contains("out of memory"), summary.failureNote());
        assertTrue(study.trials().stream().noneMatch(t -> t.state() == TrialState.RUNNING), "no trial left running");
        assertTrue(summary.table().contains("stopped: too many failed jobs"), summary.table());
    }

    @Test
    void toleratedFailuresLetTheSweepFinish() {
        Study study = study();
        SweepSummary summary = Sweeper.builder().study(study).launcher(inProcess(1)).plan(SPACE).maxTrials(6)
                .failurePolicy(FailurePolicy.maxFailures(3))
                .jobs(jobs(c -> {
                    if (c.job().number() % 2 == 0) {
                        throw new IllegalStateException("flaky");
                    }
                    return new double[] {1};
                })).build().run();
        assertEquals(SweepSummary.Ending.BUDGET_MET, summary.ending());
        assertEquals(3, summary.count(JobStatus.FAILED));
        TrialRecord failed = study.trials().get(0);
        assertEquals(TrialState.FAIL, failed.state());
        assertTrue(failed.failReason().orElseThrow().contains("IllegalStateException: flaky"), failed.failReason().toString());
    }

    @Test
    void intermediateValuesReachTheStudysPruner() {
        Study study = Study.builder().name("pruned").storage(Storages.inMemory()).sampler(Samplers.random())
                .pruner(Pruners.threshold(null, 10.0)).seed(1).create();
        opened.add(study);
        SweepSummary summary = Sweeper.builder().study(study).launcher(inProcess(1)).plan(SPACE).maxTrials(2)
                .jobs(jobs(c -> {
                    for (int step = 0; step < 5; step++) {
                        if (c.report(step, step * 5.0)) {
                            throw new JobPrunedException("pruned at step " + step);
                        }
                    }
                    return new double[] {1};
                })).build().run();
        assertEquals(2, summary.count(JobStatus.PRUNED));
        TrialRecord trial = study.trials().get(0);
        assertEquals(TrialState.PRUNED, trial.state());
        assertEquals(Map.of(0, 0.0, 1, 5.0, 2, 10.0, 3, 15.0), trial.intermediateValues());
    }

    @Test
    void interruptingCancelsRunningJobsAndFailsTheirTrials() {
        Study study = study();
        AtomicInteger started = new AtomicInteger();
        Sweeper[] sweep = new Sweeper[1];
        sweep[0] = Sweeper.builder().study(study).launcher(inProcess(2)).plan(SPACE).jobsInFlight(2).maxTrials(10)
                .jobs(jobs(c -> {
                    Thread.sleep(600_000);
                    return new double[] {0};
                }))
                .listener(new SweepListener() {
                    @Override
                    public void jobStarted(Job job, JobHandle handle) {
                        if (started.incrementAndGet() == 2) {
                            sweep[0].interrupt();
                        }
                    }
                }).build();
        SweepSummary summary = sweep[0].run();
        assertEquals(SweepSummary.Ending.INTERRUPTED, summary.ending());
        assertEquals(130, summary.exitCode());
        assertEquals(2, study.trials().size());
        for (TrialRecord t : study.trials()) {
            assertEquals(TrialState.FAIL, t.state());
            assertEquals("cancelled: interrupted", t.failReason().orElseThrow());
        }
    }

    @Test
    void aJobThatCannotBeMadeFailsItsTrialAndTheSweepGoesOn() {
        Study study = study();
        JobFactory factory = jobs(c -> new double[] {1});
        SweepSummary summary = Sweeper.builder().study(study).launcher(inProcess(1)).plan(SPACE).maxTrials(3)
                .jobs((number, params, pruning) -> {
                    if (number == 1) {
                        throw new IllegalArgumentException("Key 'optimizer.lr' is not in struct");
                    }
                    return factory.create(number, params, pruning);
                }).build().run();
        assertEquals(2, summary.count(JobStatus.COMPLETED));
        assertEquals(1, summary.count(JobStatus.FAILED));
        assertTrue(study.trials().get(1).failReason().orElseThrow().contains("not in struct"));
    }

    @Test
    void aLauncherThatRefusesWorkEndsTheSweepWithItsErrorAndTheEndCallbackRuns() {
        Study study = study();
        Launcher refusing = new Launcher() {
            @Override
            public String name() {
                return "refusing";
            }

            @Override
            public JobHandle submit(Job job) {
                throw new LauncherException("sbatch: error: Unable to contact slurm controller");
            }

            @Override
            public void close() {
            }
        };
        List<SweepSummary> ends = new ArrayList<>();
        Sweeper sweep = Sweeper.builder().study(study).launcher(refusing).plan(SPACE).maxTrials(3)
                .jobs(jobs(c -> new double[] {1})).listener(new SweepListener() {
                    @Override
                    public void sweepEnded(SweepSummary summary) {
                        ends.add(summary);
                    }
                }).build();
        LauncherException e = assertThrows(LauncherException.class, sweep::run);
        assertTrue(e.getMessage().contains("slurm controller"));
        assertEquals(1, ends.size());
        assertEquals(TrialState.FAIL, study.trials().get(0).state());
    }

    @Test
    void aSearchWithoutAnyBudgetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweeper.builder().study(study())
                .launcher(inProcess(1)).plan(SPACE).jobs(jobs(c -> new double[] {1})).build());
        assertTrue(e.getMessage().contains("needs a budget"), e.getMessage());
    }
}
