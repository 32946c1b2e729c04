package dev.osprey.sweeper;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A detached grid sweep on a real Slurm cluster (scripts/slurm-single-node.sh): its jobs go to Slurm
 * as one job array and the sweep returns; {@link Collector} later reads each task's own
 * {@code result.json} into its trial.
 */
class DetachedArrayTest {

    @TempDir
    Path work;

    @BeforeEach
    void requireSlurm() {
        RemoteTesting.requireSlurmCluster();
    }

    @Test
    void aDetachedGridGoesAsOneArrayAndIsCollectedFromEachTasksResult() {
        SweepPlan.Grid grid = new SweepPlan.Grid(List.of(Map.of("x", 1), Map.of("x", 2), Map.of("x", 3), Map.of("x", 4)));
        JobFactory jobs = (number, params, pruning) -> {
            try {
                Path dir = Files.createDirectories(work.resolve(Integer.toString(number)));
                // the value is the grid point's x times ten, printed by the task itself
                Task task = Task.Program.of("sh", "-c", "echo $(( $1 * 10 ))", "sh", params.get("x").toString());
                return Job.of(number, task, Config.of(params), List.of(), dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try (Study study = Study.builder().name("detached").storage(Storages.inMemory()).sampler(grid.sampler())
                .pruner(Pruners.none()).create();
             Launcher launcher = Launchers.create("slurm", Config.of(Map.of("poll_interval_ms", 200)))) {
            SweepSummary summary = Sweeper.builder().study(study).launcher(launcher).plan(grid).jobsInFlight(2).detach(true)
                    .jobs(jobs).build().run();
            assertEquals(SweepSummary.Ending.DETACHED, summary.ending());
            Set<String> arrays = new HashSet<>();
            for (TrialRecord trial : study.trials()) {
                String id = trial.userAttrs().get(Sweeper.ATTR_JOB_ID).toString();
                assertTrue(id.matches("\\d+_" + trial.number()), "trial " + trial.number() + " is array task " + id);
                arrays.add(id.split("_")[0]);
            }
            assertEquals(1, arrays.size(), "one array: " + arrays);
            Collector.Collected collected = Collector.collect(study);
            while (collected.stillRunning() > 0) {
                Thread.onSpinWait();
                collected = Collector.collect(study);
            }
            assertEquals(List.of(), collected.problems());
            for (TrialRecord trial : study.trials()) {
                assertEquals(TrialState.COMPLETE, trial.state(), "trial " + trial.number() + ": " + trial.failReason());
                assertEquals(((Number) trial.paramValues().get("x")).doubleValue() * 10, trial.value());
            }
        }
    }
}
