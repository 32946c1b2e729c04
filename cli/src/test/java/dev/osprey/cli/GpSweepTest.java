package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code osprey run -m} with the Gaussian-process sweeper, from the command line and from a config's osprey node. */
class GpSweepTest {

    private static final Path EXAMPLE = RunCommandTest.EXAMPLE;

    @TempDir
    Path work;

    private String storage() {
        return work.resolve("db").resolve("studies").toString();
    }

    private List<TrialRecord> trials(String study) {
        try (Storage s = Storages.open(storage());
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    /** Trials past the startup ones carry the GP's proposal. */
    private static long modelled(List<TrialRecord> trials) {
        return trials.stream().filter(t -> t.systemAttrs().containsKey("gp:relative_params")).count();
    }

    @Test
    void aGpSweepRunsTheProgramAndModelsTheTrialsAfterStartup() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=tag(log,interval(1e-4,1e-1))", "model=choice(resnet,vit)", "training.epochs=range(10,60,10)",
                "osprey/sweeper=gp", "osprey.sweeper.gp.n_startup_trials=4", "--n-trials", "8", "--n-jobs", "2",
                "--storage", storage(), "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "python3", EXAMPLE.resolve("train.py").toString(), "{overrides}");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("training");
        assertEquals(8, trials.size());
        trials.forEach(t -> assertEquals(TrialState.COMPLETE, t.state(), t.toString()));
        assertTrue(modelled(trials) >= 3, "the GP proposed the trials after the 4 startup ones: " + trials);
        assertTrue(run.out().contains("best trial"), run.out());
    }

    @Test
    void theConfigsOspreyNodeChoosesTheGpAndItsOptions() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("app.yaml"), """
                x: 0.5
                osprey:
                  sweeper:
                    sampler: gp
                    n_trials: 6
                    gp:
                      n_startup_trials: 2
                      deterministic_objective: true
                    params:
                      x: interval(0, 1)
                """);
        CliRunner run = CliRunner.run("run", "-m", "-cp", conf.toString(), "-cn", "app", "--storage", storage(),
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "sh", "-c", "echo \"$1\" | cut -d= -f2", "sh", "{overrides}");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("app");
        assertEquals(6, trials.size());
        trials.forEach(t -> assertEquals(TrialState.COMPLETE, t.state(), t.toString()));
        assertTrue(modelled(trials) >= 3, "two startup trials, then the GP: " + trials);
    }

    @Test
    void anUnknownGpOptionIsRefusedByName() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.001,0.1)", "osprey/sweeper=gp", "osprey.sweeper.gp.n_startup=3",
                "--n-trials", "2", "--storage", storage(), "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "python3", EXAMPLE.resolve("train.py").toString(), "{overrides}");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unknown option osprey.sweeper.gp.n_startup; the options are"
                + " deterministic_objective, n_startup_trials"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }
}
