package dev.osprey.sweeper;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.BatchSubmission;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which sweeps hand a launcher that takes batches all their jobs at once, with the jobs in flight
 * as the cap, and how a preempted trial is retried. The launcher is the in-process one with a
 * batch capability that records each batch and submits its jobs one by one.
 */
class SweeperBatchTest {

    @TempDir
    Path work;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /** The in-process launcher, plus batches: each recorded as (job numbers, parallelism). */
    private static final class Batching implements Launcher {
        final Launcher inner = Launchers.create("in-process", Config.of(Map.of("slots", 4)));
        final List<String> batches = new CopyOnWriteArrayList<>();
        int singles;

        @Override
        public String name() {
            return "batching";
        }

        @Override
        public JobHandle submit(Job job) {
            singles++;
            return inner.submit(job);
        }

        @Override
        public Optional<BatchSubmission> batches() {
            return Optional.of((jobs, parallelism) -> {
                batches.add(jobs.stream().map(Job::number).toList() + "%" + parallelism);
                return jobs.stream().map(inner::submit).toList();
            });
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private Batching launcher() {
        Batching launcher = new Batching();
        opened.add(launcher);
        return launcher;
    }

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

    private Study study(dev.osprey.optimizer.sampler.Sampler sampler) {
        Study study = Study.builder().name("batch").storage(Storages.inMemory()).sampler(sampler).pruner(Pruners.none())
                .seed(3).create();
        opened.add(study);
        return study;
    }

    private static final SweepPlan.Grid GRID = new SweepPlan.Grid(List.of(Map.of("x", 1), Map.of("x", 2), Map.of("x", 3),
            Map.of("x", 4), Map.of("x", 5)));

    @Test
    void aGridGoesToTheLauncherAsOneBatchCappedAtTheJobsInFlight() {
        Batching launcher = launcher();
        SweepSummary summary = Sweeper.builder().study(study(GRID.sampler())).launcher(launcher).plan(GRID).jobsInFlight(2)
                .jobs(jobs(c -> new double[] {c.config().getDouble("x")})).build().run();
        assertEquals(List.of("[0, 1, 2, 3, 4]%2"), launcher.batches);
        assertEquals(0, launcher.singles);
        assertEquals(5, summary.jobs().get(JobStatus.COMPLETED));
    }

    @Test
    void aSearchATimeBudgetOrBatchesOffSubmitOneJobAtATime() {
        SweepPlan.Search search = new SweepPlan.Search(Map.of("x", new FloatDistribution(0, 1, false, null)));
        Batching searching = launcher();
        Sweeper.builder().study(study(Samplers.random())).launcher(searching).plan(search).jobsInFlight(2).maxTrials(4)
                .jobs(jobs(c -> new double[] {1})).build().run();
        Batching timed = launcher();
        Sweeper.builder().study(study(GRID.sampler())).launcher(timed).plan(GRID).maxDuration(Duration.ofMinutes(5))
                .jobs(jobs(c -> new double[] {1})).build().run();
        Batching off = launcher();
        Sweeper.builder().study(study(GRID.sampler())).launcher(off).plan(GRID).batches(false)
                .jobs(jobs(c -> new double[] {1})).build().run();
        for (Batching launcher : List.of(searching, timed, off)) {
            assertEquals(List.of(), launcher.batches);
            assertTrue(launcher.singles >= 4, "jobs submitted alone: " + launcher.singles);
        }
    }

    @Test
    void aPreemptedTrialRunsOnceMoreBeyondTheBudgetAndNeverTwice() {
        // the in-process launcher cannot be preempted: the factory's jobs end as a preempted job ends
        SweepPlan.Search search = new SweepPlan.Search(Map.of("x", new FloatDistribution(0, 1, false, null)));
        Launcher preempting = new Launcher() {
            @Override
            public String name() {
                return "preempting";
            }

            @Override
            public JobHandle submit(Job job) {
                return JobHandle.ended(JobResult.ended(job.number(), JobStatus.FAILED, JobResult.PREEMPTED
                        + "the scheduler stopped it for another job", OptionalInt.empty(), Duration.ZERO, Optional.empty()));
            }

            @Override
            public void close() {
            }
        };
        Study study = study(Samplers.random());
        List<String> said = new CopyOnWriteArrayList<>();
        SweepSummary summary = Sweeper.builder().study(study).launcher(preempting).plan(search).maxTrials(2)
                .jobs(jobs(c -> new double[] {1})).listener(new SweepListener() {
                    @Override
                    public void jobPreempted(TrialRecord trial, Optional<TrialRecord> retry) {
                        said.add(trial.number() + "->" + retry.map(r -> "" + r.number()).orElse("none"));
                    }
                }).build().run();
        List<TrialRecord> trials = study.trials();
        assertEquals(4, trials.size(), "two trials and one retry each: " + trials);
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.FAIL));
        assertEquals(List.of("0->1", "1->none", "2->3", "3->none"), said);
        assertEquals(trials.get(0).paramValues(), trials.get(1).paramValues());
        assertEquals(0, trials.get(1).retriedFrom().orElseThrow());
        assertTrue(trials.get(0).failReason().orElseThrow().startsWith("failed: preempted: "));
        assertEquals(SweepSummary.Ending.BUDGET_MET, summary.ending());
    }
}
