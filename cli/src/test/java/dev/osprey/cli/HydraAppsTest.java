package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real, unchanged {@code @hydra.main} apps (cli/src/test/resources/hydra-apps) run by {@code osprey run}
 * on the process launcher with the real Hydra 1.3.2: their configs use Hydra's own groups, their
 * objective is only returned, a hydra-optuna-sweeper project declares its whole search in
 * {@code hydra.sweeper}. {@link HydraAppsQueuedTest} runs them on task-spooler and Slurm.
 */
class HydraAppsTest {

    @TempDir
    Path work;

    Path python;

    @BeforeEach
    void hydra() throws Exception {
        python = HydraPeer.python(work.resolve("bin"));
    }

    private String storage() {
        return work.resolve("db").resolve("studies").toString();
    }

    private CliRunner osprey(List<String> arguments, Path script, String... programArguments) {
        List<String> args = new ArrayList<>(arguments);
        args.addAll(List.of("--storage", storage(), "--", python.toString(), script.toString()));
        args.addAll(Arrays.asList(programArguments));
        return CliRunner.run(args.toArray(String[]::new));
    }

    static List<TrialRecord> trials(String storage, String study) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    static List<Direction> directions(String storage, String study) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.directions();
        }
    }

    @Test
    void anAppWithHydrasLoggingGroupsOverriddenSweepsOnItsReturnedValue() throws Exception {
        Path app = HydraPeer.app("quiet", work);
        CliRunner run = osprey(List.of("run", "-m", "x=interval(-2,2)", "y=choice(-1.5,0.5)", "--n-trials", "4",
                "--n-jobs", "2", "hydra.sweep.dir=" + work.resolve("sweep")), app.resolve("sphere.py"));
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials(storage(), "config");
        assertEquals(4, trials.size(), run.toString());
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
            double x = ((Number) trial.paramValues().get("x")).doubleValue();
            double y = ((Number) trial.paramValues().get("y")).doubleValue();
            assertEquals(x * x + y * y, trial.value(), 1e-9, "the value the app returned, for " + trial);
            Path job = work.resolve("sweep").resolve(Integer.toString(trial.number()));
            assertTrue(Files.isRegularFile(job.resolve(".hydra/config.yaml")), "Hydra's own record of the run in " + job);
            assertFalse(Files.exists(job.resolve("sphere.log")), "job_logging: disabled writes no log file");
            assertEquals("", Files.readString(job.resolve("stdout.log")), "hydra_logging: disabled prints nothing");
        }
        String multirun = Files.readString(work.resolve("sweep/multirun.yaml"));
        assertTrue(multirun.contains("mode: MULTIRUN") && multirun.contains("x=interval(-2,2)"), multirun);
    }

    /**
     * The Hydra here has no joblib launcher plugin: the app would fail to compose
     * {@code hydra/launcher=joblib}, so passing it the launcher's overrides would fail every trial.
     */
    @Test
    void aLauncherPluginOfTheCommandLineIsOspreysWorkAndNotPassedOnToTheApp() throws Exception {
        Path app = HydraPeer.app("quiet", work);
        CliRunner run = osprey(List.of("run", "-m", "x=interval(-2,2)", "y=choice(-1.5,0.5)", "--n-trials", "3",
                "hydra/launcher=joblib", "hydra.launcher.n_jobs=2", "hydra.sweep.dir=" + work.resolve("sweep")),
                app.resolve("sphere.py"));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.toString().contains("hydra/launcher=joblib: Osprey runs the trials as processes itself"
                + " (osprey/launcher=process, slots=2, osprey.sweeper.n_jobs=2)"), run.toString());
        assertTrue(run.toString().contains("2 job(s) at once"), run.toString());
        List<TrialRecord> trials = trials(storage(), "config");
        assertEquals(3, trials.size(), run.toString());
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
            String overrides = Files.readString(work.resolve("sweep").resolve(Integer.toString(trial.number()))
                    .resolve(".hydra/overrides.yaml"));
            assertFalse(overrides.contains("launcher"), overrides);
        }
    }

    /**
     * A Hydra app's sweep on the process launcher runs its trials in Python workers by default, one
     * per slot: each worker serves several trials, and each trial is still a whole Hydra run with its
     * own config, value and {@code .hydra/} record; {@code python_workers=false} gives a process per trial.
     */
    @Test
    void aHydraAppsTrialsRunInPythonWorkersThatServeSeveralTrialsEach() throws Exception {
        Path app = HydraPeer.app("quiet", work);
        // the app writes which Python process ran it into its run folder
        Files.writeString(app.resolve("sphere.py"), Files.readString(app.resolve("sphere.py")).replace(
                "    return cfg.x", "    import os\n    from hydra.core.hydra_config import HydraConfig\n"
                        + "    with open(os.path.join(HydraConfig.get().runtime.output_dir, 'pid.txt'), 'w') as f:\n"
                        + "        f.write(str(os.getpid()))\n    return cfg.x"));
        CliRunner run = osprey(List.of("run", "-m", "x=interval(-2,2)", "y=choice(-1.5,0.5)", "--n-trials", "8",
                "--n-jobs", "2", "hydra.sweep.dir=" + work.resolve("sweep")), app.resolve("sphere.py"));
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials(storage(), "config");
        assertEquals(8, trials.size(), run.toString());
        java.util.Set<String> workers = new java.util.HashSet<>();
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
            double x = ((Number) trial.paramValues().get("x")).doubleValue();
            double y = ((Number) trial.paramValues().get("y")).doubleValue();
            assertEquals(x * x + y * y, trial.value(), 1e-9, "the value the app returned, for " + trial);
            Path job = work.resolve("sweep").resolve(Integer.toString(trial.number()));
            String overrides = Files.readString(job.resolve(".hydra/overrides.yaml"));
            assertTrue(overrides.contains("- x=") && overrides.contains("- y=" + trial.paramValues().get("y")),
                    "Hydra's own record of this trial's run in " + job + ":\n" + overrides);
            workers.add(Files.readString(job.resolve("pid.txt")));
        }
        assertTrue(workers.size() <= 2, "one worker per slot, each serving several trials: " + workers);

        CliRunner fresh = osprey(List.of("run", "-m", "x=interval(-2,2)", "y=choice(-1.5,0.5)", "--n-trials", "2",
                "--study", "fresh", "osprey.launcher.python_workers=false", "hydra.sweep.dir=" + work.resolve("fresh")),
                app.resolve("sphere.py"));
        assertEquals(0, fresh.exitCode(), fresh.toString());
        java.util.Set<String> processes = new java.util.HashSet<>();
        for (TrialRecord trial : trials(storage(), "fresh")) {
            assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
            processes.add(Files.readString(work.resolve("fresh").resolve(Integer.toString(trial.number())).resolve("pid.txt")));
        }
        assertEquals(2, processes.size(), "a process per trial: " + processes);
    }

    @Test
    void anExceptionOrAValueThatIsNoNumberFailsTheRunWithPythonsReason() throws Exception {
        Path app = HydraPeer.app("returned", work);
        CliRunner ok = osprey(List.of("run", "hydra.run.dir=" + work.resolve("ok")), app.resolve("app.py"), "lr=0.2");
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(ok.out().contains("result: completed, value 0.0600000"), ok.toString());
        assertTrue(Files.isRegularFile(work.resolve("ok/.hydra/overrides.yaml")), "hydra.run.dir is the run's folder");

        CliRunner raised = osprey(List.of("run", "hydra.run.dir=" + work.resolve("raised")), app.resolve("app.py"), "lr=0.9");
        assertEquals(1, raised.exitCode(), raised.toString());
        assertTrue(raised.out().contains("result: failed: ValueError: lr 0.9 diverges (exited with code 1)"),
                raised.toString());

        CliRunner dict = osprey(List.of("run", "hydra.run.dir=" + work.resolve("dict")), app.resolve("app.py"), "model=none");
        assertEquals(1, dict.exitCode(), dict.toString());
        assertTrue(dict.out().contains("the task function returned {'loss': 1.0}, which is not a number"), dict.toString());
    }

    @Test
    void aHydraOptunaSweeperProjectRunsItsSearchWithSeveralObjectivesAndAddsNTrialsPerRun() throws Exception {
        Path app = HydraPeer.app("optuna-mo", work);
        Path sweep = work.resolve("sweep");
        CliRunner run = osprey(List.of("run", "-m", "hydra.sweep.dir=" + sweep), app.resolve("multi_objective.py"));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of(Direction.MINIMIZE, Direction.MAXIMIZE), directions(storage(), "binh-korn"));
        List<TrialRecord> trials = trials(storage(), "binh-korn");
        assertEquals(6, trials.size(), "hydra.sweeper.n_trials\n" + run);
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
            double x = ((Number) trial.paramValues().get("x")).doubleValue();
            double y = ((Number) trial.paramValues().get("y")).doubleValue();
            assertTrue(x >= 0 && x < 5 && x == Math.rint(x) && y >= 0 && y <= 3, "in hydra.sweeper.params: " + trial);
            assertEquals(List.of(4 * x * x + 4 * y * y, -((x - 5) * (x - 5) + (y - 5) * (y - 5))), trial.values());
        }
        String results = Files.readString(sweep.resolve("optimization_results.yaml"));
        assertTrue(results.startsWith("name: optuna\nsolutions:\n"), results);
        assertTrue(Files.isRegularFile(sweep.resolve("multirun.yaml")));

        CliRunner again = osprey(List.of("run", "-m", "hydra.sweep.dir=" + work.resolve("again")),
                app.resolve("multi_objective.py"));
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(12, trials(storage(), "binh-korn").size(), "n_trials counts per run, as the plugin's does");
    }

    @Test
    void theSearchOfAHydraOptunaSweeperProjectIsShownBeforeAnythingRuns() throws Exception {
        Path app = HydraPeer.app("optuna-mo", work);
        CliRunner cfg = osprey(List.of("run", "-m", "--cfg", "osprey"), app.resolve("multi_objective.py"));
        assertEquals(0, cfg.exitCode(), cfg.toString());
        assertTrue(cfg.out().contains("    direction:\n    - minimize\n    - maximize\n"), cfg.toString());
        assertTrue(cfg.out().matches("(?s).*\nx: range\\(0, 5\\) +\\(config.yaml hydra.sweeper.params\\)\n.*"), cfg.toString());
        assertFalse(Files.exists(work.resolve("db")), "nothing ran, nothing was stored");
    }

    @Test
    void hydraJobChdirRunsTheAppInItsRunFolder() throws Exception {
        Path app = HydraPeer.app("chdir", work);
        Path run = work.resolve("run");
        CliRunner result = osprey(List.of("run", "hydra.job.chdir=true", "hydra.run.dir=" + run), app.resolve("app.py"));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(run.toRealPath().toString(), Files.readString(run.resolve("written-by-the-app.txt")));
    }

    @Test
    void theConfigNameComesFromTheDecoratorAndAMissingOneIsNamed() throws Exception {
        Path app = HydraPeer.app("returned", work);
        CliRunner cfg = osprey(List.of("run", "--cfg", "job"), app.resolve("app.py"));
        assertEquals(0, cfg.exitCode(), cfg.toString());
        assertEquals("lr: 0.01\nmodel: resnet\n", cfg.out());
        Files.writeString(app.resolve("app.py"), Files.readString(app.resolve("app.py"))
                .replace("config_name=\"train\"", "config_name=None"));
        CliRunner missing = osprey(List.of("run", "--cfg", "job"), app.resolve("app.py"));
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("the Hydra app app.py names no primary config in @hydra.main"), missing.toString());
    }
}
