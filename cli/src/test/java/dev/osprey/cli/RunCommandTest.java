package dev.osprey.cli;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code osprey run} on the training example's config tree, with the example's Python script. */
class RunCommandTest {

    static final Path EXAMPLE = Path.of("..", "examples", "training").toAbsolutePath().normalize();

    @TempDir
    Path work;

    private String storage() {
        return work.resolve("db").resolve("studies").toString();
    }

    private CliRunner sweep(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=tag(log,interval(1e-4,1e-1))", "model=choice(resnet,vit)", "training.epochs=range(10,60,10)",
                "--storage", storage(), "osprey.sweep.dir=" + work.resolve("multirun")));
        args.addAll(Arrays.asList(extra));
        args.addAll(List.of("--", "python3", EXAMPLE.resolve("train.py").toString(), "{overrides}"));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private List<TrialRecord> trials(String study) {
        try (Storage s = Storages.open(storage());
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    @Test
    void aSweepWhoseProgramIsMissingDoesNotStartAndCreatesNothing() {
        String storage = work.resolve("studies").toString();
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.001,0.1)", "--n-trials", "3", "--storage", storage,
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "pyhton3-no-such", "train.py", "{overrides}");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("cannot run program 'pyhton3-no-such': not found on PATH"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
        assertFalse(java.nio.file.Files.exists(work.resolve("multirun")), "no sweep folder");
        assertFalse(java.nio.file.Files.exists(work.resolve("studies.mv.db")), "no study database");
    }

    @Test
    void aTpeSweepRunsTheProgramPerTrialAndStoresEveryResult() throws Exception {
        CliRunner run = sweep("--n-trials", "8", "--n-jobs", "4");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("training");
        assertEquals(8, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            assertEquals(Set.of("optimizer.lr", "model", "training.epochs"), t.paramValues().keySet());
            Path dir = Path.of((String) t.userAttrs().get("osprey.job_dir"));
            // the program's last line is the value told to the study
            List<String> out = Files.readAllLines(dir.resolve("stdout.log"));
            assertEquals(Double.parseDouble(out.get(out.size() - 1)), t.value(), 1e-9);
            String config = Files.readString(dir.resolve(".osprey").resolve("config.yaml"));
            assertTrue(config.contains("name: " + t.paramValues().get("model")), config);
            assertTrue(Set.of(10L, 20L, 30L, 40L, 50L).contains(((Number) t.paramValues().get("training.epochs")).longValue()));
        }
        assertTrue(run.out().contains("best trial"), run.out());
    }

    @Test
    void theOptunaTpeSweeperRunsPastItsRandomStartupTrials() {
        CliRunner cfg = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "osprey/sweeper=tpe_optuna", "--cfg", "osprey");
        assertEquals(0, cfg.exitCode(), cfg.toString());
        assertTrue(cfg.out().contains("sampler: tpe_optuna"), cfg.out());
        // 12 trials: the last two are proposed by the model, after 10 random start-up trials
        CliRunner run = sweep("--n-trials", "12", "--n-jobs", "2", "osprey/sweeper=tpe_optuna");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("training");
        assertEquals(12, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            double lr = ((Number) t.paramValues().get("optimizer.lr")).doubleValue();
            assertTrue(lr >= 1e-4 && lr <= 1e-1, t.toString());
        }
    }

    /**
     * {@code --n-jobs 3} runs three jobs at once on the process launcher, whatever the number of CPUs:
     * each job waits until all three have started, so fewer slots would leave them waiting.
     */
    @Test
    void nJobsIsHowManyRunAtOnce() throws Exception {
        Path barrier = Files.createDirectories(work.resolve("barrier"));
        Path program = work.resolve("together.sh");
        Files.writeString(program, """
                touch "$1/started.$2"
                i=0
                while [ "$(ls "$1" | wc -l)" -lt 3 ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
                [ "$(ls "$1" | wc -l)" -ge 3 ] && echo 1
                """);
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "training.epochs=10,20,30", "--n-jobs", "3", "--storage", storage(),
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "sh", program.toString(), barrier.toString(), "{num}");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("3 job(s) at once"), run.err());
        assertTrue(trials("training").stream().allMatch(t -> t.state() == TrialState.COMPLETE), "all three met");
    }

    @Test
    void theStartLineSaysWhenTheLaunchersSlotsAreFewerThanTheJobsInFlight() {
        CliRunner run = sweep("--n-trials", "2", "--n-jobs", "2", "osprey.launcher.slots=1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("2 job(s) in flight, 1 running at once (osprey.launcher.slots=1)"), run.err());
    }

    @Test
    void runningTheSameSweepAgainResumesTheStudy() {
        assertEquals(0, sweep("--n-trials", "3").exitCode());
        CliRunner again = sweep("--n-trials", "5");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.err().contains("3 trials already"), again.err());
        assertTrue(again.out().contains("jobs run               2"), again.out());
        assertEquals(5, trials("training").size());
    }

    @Test
    void aGridSweepRunsEveryCombinationInTheBasicSweepersOrder() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "model=resnet,vit", "optimizer=adam,sgd", "--storage", storage(), "--study", "grid",
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "python3", EXAMPLE.resolve("train.py").toString(),
                "{overrides}");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> order = trials("grid").stream()
                .map(t -> t.paramValues().get("model") + "/" + t.paramValues().get("optimizer")).toList();
        assertEquals(List.of("resnet/adam", "resnet/sgd", "vit/adam", "vit/sgd"), order);
        assertTrue(run.out().contains("every point ran"), run.out());
    }

    @Test
    void pythonWorkersForAProgramThatIsNoPythonScriptAreANoteAndItsTrialsRunAsProcesses() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "--storage", storage(), "--study", "workers", "osprey.launcher.python_workers=true",
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "sh", "-c", "echo 0.5");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("note: osprey.launcher.python_workers=true runs only 'python [flags] script.py'"
                + " commands in workers; 'sh -c ...' runs as a process of its own for each trial"), run.toString());
        assertEquals(List.of(TrialState.COMPLETE), trials("workers").stream().map(TrialRecord::state).toList());
    }

    @Test
    void aMultirunWithoutSweepsRunsOneJobAndRunningItAgainRepeatsNothing() {
        String[] args = {"run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training", "--storage", storage(),
                "--study", "single", "osprey.sweep.dir=" + work.resolve("multirun"), "--", "sh", "-c", "echo 0.5"};
        CliRunner run = CliRunner.run(args);
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of(TrialState.COMPLETE), trials("single").stream().map(TrialRecord::state).toList());
        CliRunner again = CliRunner.run(args);
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("every point ran"), again.out());
        assertEquals(1, trials("single").size(), "the completed run is not repeated");
    }

    @Test
    void aFailingProgramFailsItsTrialsAndFailFastStopsTheSweepWithExitCodeOne() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(-1,-0.5)", "--storage", storage(), "--study", "broken", "--n-trials", "4",
                "--fail-fast", "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "python3", EXAMPLE.resolve("train.py").toString(), "{overrides}");
        assertEquals(1, run.exitCode(), run.toString());
        TrialRecord first = trials("broken").get(0);
        assertEquals(TrialState.FAIL, first.state());
        assertTrue(first.failReason().orElseThrow().contains("optimizer.lr must be positive"), first.failReason().toString());
    }

    @Test
    void aSingleRunStreamsTheProgramsOutputAndPrintsItsResult() throws Exception {
        CliRunner run = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training", "model=vit",
                "osprey.run.dir=" + work.resolve("single"), "--", "python3", EXAMPLE.resolve("train.py").toString(),
                "{overrides}");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("model=vit optimizer=adam"), run.out());
        assertTrue(run.out().contains("result: completed, value"), run.out());
        assertTrue(Files.readString(work.resolve("single").resolve(".osprey").resolve("config.yaml")).contains("patch_size: 16"));
    }

    @Test
    void aSweepInASingleRunIsAnErrorThatSaysToAddMultirun() {
        CliRunner run = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training", "model=resnet,vit",
                "--", "true");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("add -m"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void aMultirunWithoutAProgramSaysHowToGiveOne() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "model=resnet,vit", "--storage", storage(), "osprey.sweep.dir=" + work.resolve("multirun"));
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("put the command after '--'"), run.err());
    }

    @Test
    void anOverrideTheGrammarRejectsNamesTheColumn() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(1e-4,", "--", "true");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("optimizer.lr=interval(1e-4,"), run.err());
    }

    @Test
    void aSweepInTheConfigsOspreyNodeThatDoesNotParseNamesItsSetting() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("app.yaml"), "x: 1\nosprey:\n  sweeper:\n    params:\n      x: interval(0,\n");
        CliRunner run = CliRunner.run("run", "-m", "-cp", conf.toString(), "-cn", "app", "--storage", storage(),
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "true");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("osprey.sweeper.params.x in the config is 'interval(0,'"), run.err());
    }

    @Test
    void aStorageTimeoutThatIsNotAPositiveNumberOfSecondsIsRefusedBeforeAnythingIsStored() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "model=resnet,vit", "--storage", storage(), "osprey.sweeper.storage_timeout_s=0",
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "true");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("osprey.sweeper.storage_timeout_s must be a positive number of seconds, got 0"),
                run.err());
        assertTrue(!Files.exists(work.resolve("multirun")), "no sweep directory was made");
    }

    @Test
    void anUnknownOptionOfAGroupListsTheAvailableOnes() {
        CliRunner run = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training", "model=gpt",
                "--", "true");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("resnet") && run.err().contains("vit"), run.err());
    }

    @Test
    void cfgJobPrintsTheComposedConfigWithoutRunning() {
        CliRunner run = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training", "optimizer=sgd",
                "--cfg", "job");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("momentum: 0.9"), run.out());
        assertTrue(!run.out().contains("osprey"), run.out());
    }

    @Test
    void ospreysOwnSettingsAreOverridesToo() {
        CliRunner run = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "osprey/sweeper=random", "osprey.sweeper.n_trials=7", "--cfg", "osprey");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("sampler: random") && run.out().contains("n_trials: 7"), run.out());
        CliRunner unknown = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "osprey.sweeper.ntrials=7", "--cfg", "osprey");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown sweeper setting 'ntrials'"), unknown.err());
    }

    @Test
    void aJobThatPrintsTwoValuesForOneObjectiveFailsItsTrialAndTheSweepGoesOn() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.1,0.2)", "--n-trials", "2", "--storage", storage(), "--study", "two",
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "sh", "-c", "echo 1 2");
        assertEquals(1, run.exitCode(), "no job completed: " + run);
        List<TrialRecord> trials = trials("two");
        assertEquals(2, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.FAIL, t.state());
            assertTrue(t.failReason().orElseThrow().contains("2 objective value(s)"), t.failReason().toString());
        }
        assertTrue(run.out().contains("last failure"), run.out());
    }

    @Test
    void aTwoObjectiveSweepStoresItsObjectiveNamesAndTheTablesShowThem() {
        CliRunner run = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.1,0.2)", "--n-trials", "3", "--storage", storage(), "--study", "pair",
                "osprey.sweeper.direction=[minimize,maximize]", "osprey.sweeper.objectives=[loss,accuracy]",
                "osprey.sweep.dir=" + work.resolve("multirun"), "--", "sh", "-c", "echo ${1#*=} 0.5", "sh",
                "{overrides}");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("pair");
        assertEquals(3, trials.size());
        trials.forEach(t -> assertEquals(List.of((Double) t.paramValues().get("optimizer.lr"), 0.5), t.values()));
        CliRunner table = CliRunner.run("trials", "pair", "--storage", storage(), "--format", "csv");
        assertTrue(table.out().startsWith("number,state,loss,accuracy,params"), table.toString());

        CliRunner renamed = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.1,0.2)", "--n-trials", "4", "--storage", storage(), "--study", "pair",
                "osprey.sweeper.direction=[minimize,maximize]", "osprey.sweeper.objectives=[loss,acc]",
                "osprey.sweep.dir=" + work.resolve("multirun2"), "--", "sh", "-c", "echo 1 2");
        assertEquals(2, renamed.exitCode(), renamed.toString());
        assertTrue(renamed.err().contains("was created with objective names [loss, accuracy], but is loaded with"
                + " [loss, acc]"), renamed.err());
        assertEquals(3, trials("pair").size(), "the study is intact");

        CliRunner mismatch = CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.1,0.2)", "--n-trials", "1", "--storage", storage(), "--study", "other",
                "osprey.sweeper.objectives=[loss,accuracy]", "osprey.sweep.dir=" + work.resolve("multirun3"),
                "--", "sh", "-c", "echo 1");
        assertEquals(2, mismatch.exitCode(), mismatch.toString());
        assertTrue(mismatch.err().contains("osprey.sweeper.objectives names 2 objective(s) [loss, accuracy], but"
                + " osprey.sweeper.direction gives 1"), mismatch.err());
    }

    @Test
    void aSingleRunThatPrintsNoNumberStillSucceeds() {
        CliRunner run = CliRunner.run("run", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "osprey.run.dir=" + work.resolve("single"), "--", "sh", "-c", "echo trained");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("no objective printed"), run.out());
    }
}
