package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
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
 * Resource presets in a config group of the user's ({@code task_env}), fixed and swept: each job gets
 * the preset it chose (its variables, its number of GPUs from the pool).
 */
class ResourcePresetsTest {

    @TempDir
    Path work;

    @BeforeEach
    void configTree() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf/task_env"));
        Files.writeString(work.resolve("conf/app.yaml"), """
                defaults:
                  - task_env: small
                  - _self_
                lr: 0.1
                osprey:
                  launcher:
                    resources_from: task_env
                    gpus: [0, 1, 2]
                """);
        Files.writeString(conf.resolve("small.yaml"), "gpus: 1\nenv: {PRESET: small}\n");
        Files.writeString(conf.resolve("big.yaml"), "gpus: 2\nmem: 64G\npartition: gpu\nenv: {PRESET: big}\n");
        Files.writeString(conf.resolve("broken.yaml"), "gpus: two\n");
    }

    private CliRunner run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "-cp", work.resolve("conf").toString(), "-cn", "app",
                "--storage", work.resolve("studies").toString(), "osprey.sweep.dir=" + work.resolve("multirun")));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--", "sh", "-c", "echo \"$PRESET $CUDA_VISIBLE_DEVICES\" > seen; echo 1"));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private List<TrialRecord> trials() {
        try (Storage s = Storages.open(work.resolve("studies").toString());
             Study loaded = Study.builder().name("app").storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    /** Each trial's job saw the variables and as many devices as the preset it chose. */
    private void assertEachJobGotItsPreset(int expectedTrials) throws Exception {
        List<TrialRecord> trials = trials();
        assertEquals(expectedTrials, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            String preset = (String) t.paramValues().get("task_env");
            String[] seen = Files.readString(Path.of((String) t.userAttrs().get("osprey.job_dir")).resolve("seen"))
                    .strip().split(" ");
            assertEquals(preset, seen[0], "trial " + t.number());
            assertEquals(preset.equals("big") ? 2 : 1, seen[1].split(",").length, "trial " + t.number() + ": " + seen[1]);
        }
    }

    @Test
    void aSweptPresetReachesEachJobThatChoseIt() throws Exception {
        CliRunner run = run("-m", "task_env=small,big", "lr=0.1,0.2", "--n-jobs", "2");
        assertEquals(0, run.exitCode(), run.toString());
        assertEachJobGotItsPreset(4);
        assertTrue(run.err().contains("task_env=big: the process launcher cannot honour mem=64G (no memory limit on"
                + " this launcher), partition=gpu (a Slurm setting)"), run.err());
        assertFalse(run.err().contains("task_env=small:"), "the small preset is honoured in full: " + run.err());
    }

    @Test
    void aPresetChosenByABayesianSweepReachesItsJob() throws Exception {
        CliRunner run = run("-m", "task_env=choice(small,big)", "lr=interval(0.01,0.5)", "--n-trials", "6",
                "osprey/sweeper=tpe");
        assertEquals(0, run.exitCode(), run.toString());
        assertEachJobGotItsPreset(6);
    }

    @Test
    void cfgOspreyShowsTheResourcesOfEachJob() {
        CliRunner run = run("-m", "task_env=small,big", "--cfg", "osprey");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("""
                # resources per job
                #   task_env=small: gpus=1 env.PRESET=small
                #   task_env=big: mem=64G gpus=2 partition=gpu env.PRESET=big
                """), run.out());
        CliRunner fixed = run("task_env=big", "--cfg", "osprey");
        assertTrue(fixed.out().contains("#   task_env: mem=64G gpus=2 partition=gpu env.PRESET=big"), fixed.out());
    }

    @Test
    void aBrokenPresetIsRefusedBeforeAnythingRuns() {
        CliRunner run = run("-m", "task_env=small,broken");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("resources in task_env=broken: gpus must be a whole number, got two"), run.err());
        assertFalse(Files.exists(work.resolve("multirun")), "nothing ran");
    }
}
