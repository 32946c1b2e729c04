package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code osprey run -m} with {@code osprey/sweeper=cmaes} and {@code osprey/sweeper=qmc} and their options. */
class CmaesQmcSweepTest {

    private static final Path CONF = RunCommandTest.EXAMPLE.resolve("conf");

    @TempDir
    Path work;

    private CliRunner sweep(String study, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-m", "-cp", CONF.toString(), "-cn", "training",
                "optimizer.lr=tag(log,interval(1e-4,1e-1))", "model=choice(resnet,vit)", "training.epochs=range(10,60,10)",
                "--storage", work.resolve("db").resolve("studies").toString(), "--study", study,
                "osprey.sweep.dir=" + work.resolve("multirun-" + study)));
        args.addAll(Arrays.asList(extra));
        args.addAll(List.of("--", "python3", RunCommandTest.EXAMPLE.resolve("train.py").toString(), "{overrides}"));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private List<TrialRecord> trials(String study) {
        try (Storage s = Storages.open(work.resolve("db").resolve("studies").toString());
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    @Test
    void aCmaesSweepSamplesTheNumericParametersJointlyWithOptunasOptionNames() {
        CliRunner run = sweep("cma", "osprey/sweeper=cmaes", "osprey.sweeper.cmaes.popsize=3",
                "osprey.sweeper.cmaes.with_margin=true", "osprey.sweeper.cmaes.restart_strategy=ipop",
                "osprey.sweeper.cmaes.n_startup_trials=2", "--n-trials", "9", "--n-jobs", "1");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("cma");
        assertEquals(9, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            assertEquals(Set.of("optimizer.lr", "model", "training.epochs"), t.paramValues().keySet());
        }
        assertFalse(trials.get(1).systemAttrs().containsKey("cmaes"), "startup trials are random");
        assertTrue(trials.get(8).systemAttrs().containsKey("cmaes"), "later trials are CMA-ES's: " + trials.get(8));
    }

    @Test
    void aQmcSweepGivesEachTrialItsPointOfTheSequence() {
        CliRunner run = sweep("qmc", "osprey/sweeper=qmc", "osprey.sweeper.qmc.qmc_type=halton",
                "osprey.sweeper.qmc.scramble=false", "--n-trials", "6", "--n-jobs", "1");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("qmc");
        assertEquals(6, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), trials.toString());
        // trial 1 takes unscrambled Halton point 1, (1/2, 1/3, 1/5), over model, optimizer.lr, training.epochs
        assertEquals("vit", trials.get(1).paramValues().get("model"));
        assertEquals(1e-3, (Double) trials.get(1).paramValues().get("optimizer.lr"), 1e-12);
    }

    @Test
    void unknownOptionsAndValuesAreRefusedByName() {
        CliRunner unknown = sweep("bad", "osprey/sweeper=cmaes", "osprey.sweeper.cmaes.sigma=0.1", "--n-trials", "2");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("osprey.sweeper.cmaes.sigma") && unknown.err().contains("sigma0"), unknown.err());
        CliRunner badType = sweep("bad", "osprey/sweeper=qmc", "osprey.sweeper.qmc.qmc_type=lhs", "--n-trials", "2");
        assertEquals(2, badType.exitCode(), badType.toString());
        assertTrue(badType.err().contains("qmc_type must be sobol or halton"), badType.err());
        CliRunner clash = sweep("bad", "osprey/sweeper=cmaes", "osprey.sweeper.cmaes.lr_adapt=true",
                "osprey.sweeper.cmaes.use_separable_cma=true", "--n-trials", "2");
        assertEquals(2, clash.exitCode(), clash.toString());
        assertTrue(clash.err().contains("lrAdapt cannot be combined with separable"), clash.err());
    }
}
