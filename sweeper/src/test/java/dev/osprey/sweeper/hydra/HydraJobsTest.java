package dev.osprey.sweeper.hydra;

import dev.osprey.launchers.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HydraJobsTest {

    @Test
    void theOverridesAreAddedWhenTheCommandDoesNotPlaceThem() {
        assertEquals(List.of("python3", "app.py", "{overrides}"), HydraJobs.command(List.of("python3", "app.py")));
        assertEquals(List.of("python3", "app.py", "{overrides}", "--x"),
                HydraJobs.command(List.of("python3", "app.py", "{overrides}", "--x")));
    }

    @Test
    void aTrialRunsInRunModeInItsJobFolderWithTheCallback() {
        Task.Program app = new Task.Program(List.of("python3", "/a/app.py", "{overrides}"), Map.of("PYTHONPATH", "/lib"));
        Path sweep = Path.of("/runs/multirun/2026-12-06/10-00-00");
        Task.Program trial = HydraJobs.trial(app, Path.of("/cb"), sweep.resolve("7"), Path.of("/home/me/project"),
                Optional.of(new HydraJobs.SweepJob(sweep, 7)));
        assertEquals(List.of("python3", "/a/app.py", "{overrides}", "hydra.mode=RUN",
                "hydra.run.dir=" + sweep.resolve("7"), "hydra.sweep.dir=" + sweep, "hydra.sweep.subdir='7'",
                "hydra.job.num=7", "hydra.job.id=7",
                "++hydra.callbacks.osprey_result._target_=osprey_hydra_result.ResultWriter"), trial.command());
        assertEquals("/cb:/lib", trial.environment().get("PYTHONPATH"));
        assertEquals("1", trial.environment().get("PYTHONUNBUFFERED"));
        assertEquals(Optional.of(Path.of("/home/me/project")), trial.workingDirectory(),
                "the app runs where osprey was started, as under Hydra");
    }

    @Test
    void aFolderWithSpacesIsQuotedForHydrasGrammar() {
        Task.Program trial = HydraJobs.trial(Task.Program.of("python3", "app.py", "{overrides}"), Path.of("/cb"),
                Path.of("/my runs/it's"), Path.of("/w"), Optional.empty());
        String runDir = trial.command().stream().filter(a -> a.startsWith("hydra.run.dir=")).findFirst().orElseThrow();
        assertEquals("hydra.run.dir=\"/my runs/it's\"", runDir);
        assertTrue(trial.command().stream().noneMatch(a -> a.startsWith("hydra.sweep.")), "no sweep settings in a run");
    }

    @Test
    void theCallbackIsInstalledAsAModule(@TempDir Path dir) throws Exception {
        Path installed = HydraJobs.installCallback(dir.resolve("python"));
        String module = Files.readString(installed.resolve("osprey_hydra_result.py"));
        assertTrue(module.contains("class ResultWriter(Callback)"), module);
        HydraJobs.installCallback(dir.resolve("python")); // again: replaced, not an error
    }
}
