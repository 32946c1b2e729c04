package dev.osprey.sweeper;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.RemoteTesting;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grid swept on a real Slurm cluster (scripts/slurm-single-node.sh): its points go to Slurm as one
 * array, and a point whose job is preempted where Osprey cannot follow it fails as preempted and runs
 * once more, and only once. This cluster has no preemption configured ({@code preempt/none}), so the
 * test makes the state a preemption leaves when Slurm will not restart the job by itself: it requeues
 * the running job in a held state ({@code scontrol requeuehold}), each time the point runs.
 */
class PreemptionRetryTest {

    @TempDir
    Path work;

    @BeforeEach
    void requireSlurm() {
        RemoteTesting.requireSlurmCluster();
    }

    /** Point x=b announces that it runs and waits; the others print their value at once. */
    private JobFactory jobs() {
        return (number, params, pruning) -> {
            try {
                Path dir = Files.createDirectories(work.resolve(Integer.toString(number)));
                Task task = Task.Program.of("sh", "-c", "if [ \"$1\" = b ]; then touch \"$OSPREY_JOB_DIR/running\";"
                        + " sleep 120; fi; echo 1", "sh", params.get("x").toString());
                return Job.of(number, task, Config.of(params), List.of(), dir).withPruning(pruning);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    @Test
    void aPreemptedPointRunsOnceMoreAndOnlyOnce() throws Exception {
        SweepPlan.Grid grid = new SweepPlan.Grid(List.of(Map.of("x", "a"), Map.of("x", "b"), Map.of("x", "c")));
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        List<String> preempted = new CopyOnWriteArrayList<>();
        Set<Integer> held = ConcurrentHashMap.newKeySet();
        try (Study study = Study.builder().name("preempted").storage(Storages.inMemory()).sampler(grid.sampler())
                .pruner(Pruners.none()).create();
             Launcher launcher = Launchers.create("slurm", Config.of(Map.of("poll_interval_ms", 200)))) {
            Sweeper sweep = Sweeper.builder().study(study).launcher(launcher).plan(grid).jobsInFlight(2).jobs(jobs())
                    .listener(new SweepListener() {
                        @Override
                        public void jobStarted(Job job, JobHandle handle) {
                            ids.put(job.number(), handle.id());
                        }

                        @Override
                        public void jobPreempted(TrialRecord trial, Optional<TrialRecord> retry) {
                            preempted.add(trial.number() + "->" + retry.map(r -> Integer.toString(r.number())).orElse("none"));
                        }
                    }).build();
            // the test's stand-in for a preemption: each run of point b is requeued and held once it runs
            Thread preempter = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    ids.forEach((number, id) -> {
                        if (Files.exists(work.resolve(number + "/running")) && held.add(number)) {
                            try {
                                Commands.Output out = Commands.run(List.of("scontrol", "requeuehold", id), Map.of(),
                                        null, Duration.ofSeconds(30));
                                assertTrue(out.ok(), out.message());
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    });
                    Thread.onSpinWait();
                }
            });
            SweepSummary summary;
            try {
                summary = sweep.run();
            } finally {
                preempter.interrupt();
            }
            List<TrialRecord> trials = study.trials();
            assertEquals(4, trials.size(), "three points and one retry: " + trials);
            assertTrue(ids.get(0).matches("\\d+_0") && ids.get(2).matches("\\d+_2")
                    && ids.get(0).split("_")[0].equals(ids.get(1).split("_")[0]), "the grid ran as one array: " + ids);
            TrialRecord original = trials.get(1);
            TrialRecord retry = trials.get(3);
            assertEquals(TrialState.FAIL, original.state());
            assertTrue(original.failReason().orElse("").startsWith("failed: preempted: "), original.failReason().orElse(""));
            assertEquals(Map.of("x", "b"), retry.paramValues(), "the retry runs the preempted point");
            assertEquals(1, retry.retriedFrom().orElseThrow(), "linked to the trial it retries");
            assertEquals(List.of(1), retry.retryHistory());
            assertEquals(TrialState.FAIL, retry.state(), "preempted again");
            assertTrue(retry.failReason().orElse("").startsWith("failed: preempted: "), retry.failReason().orElse(""));
            assertEquals(TrialState.COMPLETE, trials.get(0).state());
            assertEquals(TrialState.COMPLETE, trials.get(2).state());
            assertEquals(List.of("1->3", "3->none"), preempted, "retried once, never twice");
            assertTrue(!ids.get(3).contains("_"), "the retry is submitted alone: " + ids.get(3));
            assertEquals(SweepSummary.Ending.EXHAUSTED, summary.ending());
        }
    }
}
