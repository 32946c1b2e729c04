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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code osprey run -m} with the default sweeper, {@code auto}: a grid for choices, else the automatic sampler. */
class AutoSweepTest {

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

    private static List<Object> choices(List<TrialRecord> trials) {
        return trials.stream().map(t -> t.systemAttrs().get("auto_sampler")).toList();
    }

    private CliRunner sweep(String yaml, String... more) throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("app.yaml"), yaml);
        List<String> args = new java.util.ArrayList<>(List.of("run", "-m", "-cp", conf.toString(), "-cn", "app",
                "--storage", storage(), "osprey.sweep.dir=" + work.resolve("multirun")));
        args.addAll(List.of(more));
        args.addAll(List.of("--", "sh", "-c", "echo \"$1\" | cut -d= -f2", "sh", "{overrides}"));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void anIntervalIsSearchedByTheGpThenCmaesAndTheOutputSaysSo() throws Exception {
        CliRunner run = sweep("""
                x: 0.5
                osprey:
                  sweeper:
                    n_trials: 7
                    auto:
                      gp_max_trials: 4
                    params:
                      x: interval(0, 1)
                """);
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("app");
        trials.forEach(t -> assertEquals(TrialState.COMPLETE, t.state(), t.toString()));
        assertEquals(List.of("gp", "gp", "gp", "gp", "cmaes", "cmaes", "cmaes"), choices(trials));
        String all = run.out() + run.err();
        assertTrue(all.contains("auto sweeper (gp for the first 4 trials, then cmaes"), all);
        assertTrue(all.contains("auto chose: gp for trials 0-3, cmaes for trials 4-6"), all);
        try (Storage s = Storages.open(storage())) {
            assertEquals("gp from trial 0, cmaes from trial 4",
                    s.findStudy("app").orElseThrow().systemAttrs().get("auto_sampler"), "recorded on the study");
        }
        CliRunner studies = CliRunner.run("studies", "--storage", storage());
        assertEquals(0, studies.exitCode(), studies.toString());
        assertTrue(studies.out().lines().anyMatch(l -> l.startsWith("app ") && l.endsWith("auto: gp from trial 0,"
                + " cmaes from trial 4")), studies.out());
    }

    @Test
    void aConditionalSpaceIsSearchedByTpe() {
        Path example = RunCommandTest.EXAMPLE.getParent().resolve("conditional");
        CliRunner run = CliRunner.run("run", "-m", "-cp", example.resolve("conf").toString(), "-cn", "config",
                "model=choice(resnet,vit)", "optimizer.lr=tag(log,interval(1e-4,1e-1))", "--n-trials", "4",
                "--storage", storage(), "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "python3", example.resolve("objective.py").toString(), "{overrides}");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("tpe", "tpe", "tpe", "tpe"), choices(trials("config")));
        assertTrue((run.out() + run.err()).contains("auto sweeper (tpe for a conditional search space)"), run.toString());
    }

    @Test
    void choicesAloneStillRunAsAGrid() throws Exception {
        CliRunner run = sweep("x: 1\n", "x=1,2,3");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("app");
        assertEquals(3, trials.size());
        assertEquals(List.of(), choices(trials).stream().filter(c -> c != null).toList());
        assertTrue((run.out() + run.err()).contains("grid sweeper"), run.toString());
    }

    @Test
    void anUnknownAutoOptionIsNamed() throws Exception {
        CliRunner run = sweep("x: 0.5\n", "x=interval(0,1)", "osprey.sweeper.auto.gp_trials=3");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unknown option osprey.sweeper.auto.gp_trials"), run.err());
    }
}
