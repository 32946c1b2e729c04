package dev.osprey.cli;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS).build();

    @TempDir
    Path work;
    String storage;

    @BeforeEach
    void aStudyWithTrials() {
        storage = work.resolve("studies").toString();
        try (Storage s = Storages.open(storage);
             Study study = Study.builder().name("quad").storage(s).heartbeatOff().seed(3).create()) {
            study.optimize(t -> Math.pow(t.suggestFloat("x", -2, 2) - 1, 2), 12);
        }
    }

    @Test
    void studiesListsEachStudyWithItsCountsAndBest() throws Exception {
        CliRunner run = CliRunner.run("studies", "--storage", storage, "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        List<?> rows = JSON.readValue(run.out(), List.class);
        Map<?, ?> row = (Map<?, ?>) rows.get(0);
        assertEquals("quad", row.get("name"));
        assertEquals(12L, row.get("trials"));
        assertEquals(12L, row.get("complete"));
    }

    @Test
    void trialsAndBestReadTheStudy() {
        CliRunner trials = CliRunner.run("trials", "quad", "--storage", storage, "--format", "csv");
        assertEquals(0, trials.exitCode(), trials.toString());
        assertEquals(13, trials.out().lines().count());
        assertTrue(trials.out().startsWith("number,state,value,params"), trials.out());
        CliRunner best = CliRunner.run("best", "quad", "--storage", storage);
        assertEquals(0, best.exitCode(), best.toString());
        assertTrue(best.out().lines().skip(1).findFirst().orElseThrow().contains("x="), best.out());
    }

    @Test
    void trialsAndBestShowNamedObjectivesConstraintsAndTheFeasibleFront() throws Exception {
        try (Storage s = Storages.open(storage);
             Study study = Study.builder().name("trade").storage(s).heartbeatOff().seed(3)
                     .directions(dev.osprey.optimizer.trial.Direction.MAXIMIZE,
                             dev.osprey.optimizer.trial.Direction.MINIMIZE)
                     .objectiveNames("accuracy", "latency_ms").create()) {
            double[][] results = {{0.99, 5}, {0.9, 10}, {0.95, 3}, {0.8, 1}};
            double[] memory = {900, 100, 200, 50};
            for (int i = 0; i < results.length; i++) {
                var trial = study.ask();
                trial.suggestInt("width", 1, 100);
                trial.setConstraints(memory[i] - 512);
                study.tell(trial, results[i]);
            }
        }
        CliRunner trials = CliRunner.run("trials", "trade", "--storage", storage, "--format", "csv");
        assertEquals(0, trials.exitCode(), trials.toString());
        assertTrue(trials.out().startsWith("number,state,accuracy,latency_ms,c0,params"), trials.out());
        CliRunner best = CliRunner.run("best", "trade", "--storage", storage, "--format", "json");
        assertEquals(0, best.exitCode(), best.toString());
        List<?> front = JSON.readValue(best.out(), List.class);
        // trial 0 dominates all but breaks the memory limit; of the rest, 1 is dominated by 2
        assertEquals(List.of(2L, 3L), front.stream().map(r -> ((Map<?, ?>) r).get("number")).toList());
        assertEquals(0.95, ((Map<?, ?>) front.get(0)).get("accuracy"));
        CliRunner table = CliRunner.run("best", "trade", "--storage", storage);
        assertTrue(table.out().contains("1 of 4 completed trials are infeasible"), table.out());
        assertTrue(table.out().lines().findFirst().orElseThrow().contains("latency_ms"), table.out());
    }

    @Test
    void anObjectiveNamedLikeAColumnKeepsBothInTheJson() throws Exception {
        try (Storage s = Storages.open(storage);
             Study study = Study.builder().name("clash").storage(s).heartbeatOff().seed(3)
                     .directions(dev.osprey.optimizer.trial.Direction.MINIMIZE,
                             dev.osprey.optimizer.trial.Direction.MINIMIZE)
                     .objectiveNames("number", "state").create()) {
            var trial = study.ask();
            trial.suggestInt("width", 1, 100);
            study.tell(trial, 7.5, 2.5);
        }
        CliRunner trials = CliRunner.run("trials", "clash", "--storage", storage, "--format", "json");
        assertEquals(0, trials.exitCode(), trials.toString());
        Map<?, ?> row = (Map<?, ?>) JSON.readValue(trials.out(), List.class).get(0);
        assertEquals(0L, ((Number) row.get("number")).longValue());
        assertEquals("COMPLETE", row.get("state"));
        assertEquals(7.5, row.get("value_number"));
        assertEquals(2.5, row.get("value_state"));
        CliRunner best = CliRunner.run("best", "clash", "--storage", storage, "--format", "csv");
        assertTrue(best.out().startsWith("number,value_number,value_state,params"), best.out());
    }

    @Test
    void importanceRanksTheParametersWithEitherEvaluator() throws Exception {
        try (Storage s = Storages.open(storage);
             Study study = Study.builder().name("two").storage(s).heartbeatOff().seed(5).create()) {
            study.optimize(t -> 10 * t.suggestFloat("strong", 0, 1) + 0.01 * t.suggestFloat("weak", 0, 1), 40);
        }
        for (String evaluator : List.of("fanova", "ped-anova")) {
            CliRunner run = CliRunner.run("importance", "two", "--storage", storage, "--evaluator", evaluator,
                    "--format", "json");
            assertEquals(0, run.exitCode(), run.toString());
            List<?> rows = JSON.readValue(run.out(), List.class);
            assertEquals("strong", ((Map<?, ?>) rows.get(0)).get("param"), run.out());
            double sum = rows.stream().mapToDouble(r -> ((Number) ((Map<?, ?>) r).get("importance")).doubleValue()).sum();
            assertEquals(1.0, sum, 1e-9, run.out());
        }
        CliRunner bad = CliRunner.run("importance", "two", "--storage", storage, "--evaluator", "mdi");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--evaluator takes ped-anova or fanova, not 'mdi'"), bad.err());
        CliRunner objective = CliRunner.run("importance", "two", "--storage", storage, "--objective", "1");
        assertEquals(2, objective.exitCode(), objective.toString());
        assertTrue(objective.err().contains("--objective 1 does not exist"), objective.err());
    }

    @Test
    void anUnknownStudyListsThoseThatExist() {
        CliRunner run = CliRunner.run("trials", "qaud", "--storage", storage);
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no study named 'qaud'") && run.err().contains("quad"), run.err());
    }

    @Test
    void exportWritesCsvAndJson() {
        CliRunner csv = CliRunner.run("export", "quad", "--storage", storage);
        assertEquals(0, csv.exitCode(), csv.toString());
        assertEquals(13, csv.out().lines().count());
        CliRunner json = CliRunner.run("export", "quad", "--storage", storage, "--format", "json");
        assertEquals(0, json.exitCode(), json.toString());
        assertTrue(json.out().contains("\"params_x\""), json.out());
    }

    @Test
    void askAndTellDriveAStudyFromAShell() throws Exception {
        assertEquals(0, CliRunner.run("create-study", "--study", "shell", "--storage", storage).exitCode());
        CliRunner ask = CliRunner.run("ask", "shell", "x=interval(0,1)", "k=choice(a,b)", "--storage", storage);
        assertEquals(0, ask.exitCode(), ask.toString());
        Map<?, ?> asked = JSON.readValue(ask.out(), Map.class);
        long number = (Long) asked.get("number");
        CliRunner tell = CliRunner.run("tell", "shell", Long.toString(number), "0.25", "--storage", storage);
        assertEquals(0, tell.exitCode(), tell.toString());
        CliRunner again = CliRunner.run("tell", "shell", Long.toString(number), "0.5", "--storage", storage);
        assertEquals(1, again.exitCode(), "a finished trial never changes: " + again);
        assertEquals(0, CliRunner.run("tell", "shell", Long.toString(number), "0.5", "--skip-if-finished",
                "--storage", storage).exitCode());
        CliRunner best = CliRunner.run("best", "shell", "--storage", storage, "--format", "json");
        assertTrue(best.out().contains("0.25"), best.out());
    }

    @Test
    void deleteStudyRemovesIt() {
        assertEquals(0, CliRunner.run("delete-study", "quad", "--storage", storage).exitCode());
        assertEquals("[]", CliRunner.run("studies", "--storage", storage, "--format", "json").out().strip());
    }

    @Test
    void unknownCommandsAndFlagsSuggestTheClosest() {
        CliRunner run = CliRunner.run("studys");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("studies"), run.err());
        CliRunner flag = CliRunner.run("studies", "--storge", storage);
        assertEquals(2, flag.exitCode());
        assertTrue(flag.err().contains("--storage"), flag.err());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRunner run = CliRunner.run("--help");
        assertEquals(0, run.exitCode());
        for (String command : List.of("run", "studies", "trials", "best", "export", "ask", "tell", "collect", "server")) {
            assertTrue(run.out().contains("  " + command), command + " in\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes"), run.out());
    }

    @Test
    void completionOffersCommandsFlagsAndConfigChoices() {
        Path conf = RunCommandTest.EXAMPLE.resolve("conf");
        assertTrue(CliRunner.run("__complete", "st").out().contains("studies"));
        assertTrue(CliRunner.run("__complete", "run", "--n-").out().contains("--n-trials"));
        CliRunner groups = CliRunner.run("__complete", "run", "-cp", conf.toString(), "-cn", "training", "mod");
        assertTrue(groups.out().contains("model=vit") && groups.out().contains("model=resnet"), groups.out());
        CliRunner keys = CliRunner.run("__complete", "run", "-cp", conf.toString(), "-cn", "training", "training.");
        assertTrue(keys.out().contains("training.epochs="), keys.out());
        assertTrue(CliRunner.run("completion").out().contains("complete -o default -F _osprey_complete osprey"));
    }

    @Test
    void aStorageThatCannotBeOpenedIsNamedWithoutItsPassword() {
        CliRunner run = CliRunner.run("studies", "--storage", "jdbc:postgresql://127.0.0.1:1/hpo?user=u&password=s3cret");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("127.0.0.1:1"), run.err());
        assertTrue(!run.err().contains("s3cret"), "the password never shows: " + run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
    }

    /** Commands that only read create no database and no folder where there is none. */
    @Test
    void readingAMissingDatabaseCreatesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String missing = dir.resolve("new/dir/studies").toString();
        for (String[] command : List.of(new String[] {"studies"}, new String[] {"trials", "x"}, new String[] {"best", "x"},
                new String[] {"export", "x"}, new String[] {"delete-study", "x"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--storage", missing));
            CliRunner run = CliRunner.run(args.toArray(String[]::new));
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("there is no study database at " + missing + ".mv.db (nothing was created)"),
                    run.err());
            assertTrue(!java.nio.file.Files.exists(dir.resolve("new")), command[0] + " created nothing");
        }
    }

    @Test
    void anEmptyFileOrAnImpossibleFolderIsNamedInOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.createFile(dir.resolve("empty.mv.db"));
        CliRunner empty = CliRunner.run("studies", "--storage", dir.resolve("empty").toString());
        assertEquals(1, empty.exitCode(), empty.toString());
        assertEquals("osprey: " + dir.resolve("empty.mv.db") + " is an empty file, not an H2 study database: remove it,"
                + " or give another location", empty.err().strip());
        java.nio.file.Files.writeString(dir.resolve("file"), "not a folder");
        CliRunner impossible = CliRunner.run("create-study", "--study", "s", "--storage",
                dir.resolve("file/studies").toString());
        assertEquals(1, impossible.exitCode(), impossible.toString());
        assertTrue(impossible.err().startsWith("osprey: cannot create the folder " + dir.resolve("file")
                + " for the study database"), impossible.err());
        assertEquals(1, impossible.err().strip().lines().count(), "one line, no stack trace: " + impossible.err());
    }

    /** A storage location is data: an H2 setting that would run a script is refused before H2 sees it. */
    @Test
    void aStorageLocationCannotRunAScript(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path script = dir.resolve("evil.sql");
        java.nio.file.Path leak = dir.resolve("leak.sql");
        java.nio.file.Files.writeString(script, "SCRIPT TO '" + leak + "';\n");
        String location = "jdbc:h2:file:" + dir.resolve("studies") + ";INIT=RUNSCRIPT FROM '" + script + "'";
        CliRunner run = CliRunner.run("studies", "--storage", location);
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the H2 setting 'INIT'"), run.err());
        assertTrue(!java.nio.file.Files.exists(leak), "the script did not run");
        assertTrue(!java.nio.file.Files.exists(dir.resolve("studies.mv.db")), "no database was created");
    }

    @Test
    void askingWithADistributionThatDoesNotFitLeavesNoTrialRunning() {
        assertEquals(0, CliRunner.run("create-study", "--study", "fit", "--storage", storage).exitCode());
        assertEquals(0, CliRunner.run("ask", "fit", "x=interval(-10,10)", "--storage", storage).exitCode());
        CliRunner changed = CliRunner.run("ask", "fit", "x=interval(0,1)", "--storage", storage);
        assertEquals(2, changed.exitCode(), changed.toString());
        CliRunner trials = CliRunner.run("trials", "fit", "--storage", storage, "--format", "csv");
        assertTrue(trials.out().lines().skip(1).noneMatch(l -> l.contains(",RUNNING,") && !l.startsWith("0,")),
                "the refused ask leaves no RUNNING trial behind: " + trials.out());
    }
}
