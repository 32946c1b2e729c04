package dev.osprey.sweeper;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.LocalProcess;
import dev.osprey.launchers.protocol.ResultJson;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The next sweep on a study takes over, at once, the trials of a driver that died on this machine. */
class OrphansTest {

    @TempDir
    Path work;

    private final Study study = Study.builder().name("s").storage(Storages.inMemory()).sampler(Samplers.random())
            .pruner(Pruners.none()).seed(3).create();
    private final Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", 2)));

    @AfterEach
    void close() {
        launcher.close();
        study.close();
    }

    /** A process of this machine that has ended, as a killed driver is. */
    private static LocalProcess deadDriver() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        LocalProcess driver = LocalProcess.of(sleeper.pid()).orElseThrow();
        sleeper.destroyForcibly();
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
        return driver;
    }

    private Trial orphan(LocalProcess driver, Path jobDirectory) {
        Trial trial = study.ask();
        trial.suggestFloat("x", -1, 1);
        trial.setUserAttr(Orphans.ATTR_DRIVER, driver.toString());
        if (jobDirectory != null) {
            trial.setUserAttr(Sweeper.ATTR_JOB_DIR, jobDirectory.toString());
        }
        study.detach(trial); // this test's study object must not hold the lease a dead driver held
        return trial;
    }

    @Test
    void eachOrphanIsToldWhatItsJobLeftFollowedLeftForCollectOrFailedSayingWhy() throws Exception {
        LocalProcess dead = deadDriver();
        Path ended = Files.createDirectories(work.resolve("ended"));
        ResultJson.write(JobResult.completed(0, List.of(0.75), java.util.OptionalInt.of(0), Duration.ofSeconds(1),
                Optional.empty()), new JobFiles(ended).result());
        orphan(dead, ended);
        Path queued = Files.createDirectories(work.resolve("queued/.osprey")).getParent();
        Files.writeString(new JobFiles(queued).queuedWrapper(), "#!/bin/sh\n");
        orphan(dead, queued);
        orphan(dead, null);
        orphan(dead, Files.createDirectories(work.resolve("in-process")));
        Trial alive = orphan(LocalProcess.current(), Files.createDirectories(work.resolve("alive")));

        SweepSummary summary = Sweeper.builder().study(study).launcher(launcher).maxTrials(5)
                .plan(new SweepPlan.Search(Map.of("x", new FloatDistribution(-1, 1, false, null))))
                .jobs((number, params, pruning) -> Job.of(number, new Task.JavaTask(c -> new double[] {1}), Config.of(params),
                        List.of(), work))
                .build().run();

        assertEquals(SweepSummary.Ending.BUDGET_MET, summary.ending());
        List<TrialRecord> trials = study.trials();
        assertEquals(5, trials.size(), "no new trial: the orphans hold the budget");
        assertEquals(TrialState.COMPLETE, trials.get(0).state());
        assertEquals(0.75, trials.get(0).value());
        assertEquals(TrialState.RUNNING, trials.get(1).state(), "a scheduler may run it on: left for osprey collect");
        assertEquals(TrialState.FAIL, trials.get(2).state());
        assertTrue(trials.get(2).failReason().orElseThrow().contains("its driver (pid " + dead.pid() + " on "
                + dead.host() + ") died, and its job had not started"), trials.get(2)::toString);
        assertEquals(TrialState.FAIL, trials.get(3).state());
        assertTrue(trials.get(3).failReason().orElseThrow().contains("the in-process launcher cannot follow its job"),
                trials.get(3)::toString);
        assertEquals(TrialState.RUNNING, trials.get(alive.number()).state(), "a live driver's trial is its own");
    }
}
