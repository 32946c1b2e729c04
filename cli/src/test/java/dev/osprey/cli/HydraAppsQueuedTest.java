package dev.osprey.cli;

import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.RemoteTesting;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unchanged Hydra apps swept on the queued launchers, a real task-spooler and a real single-node Slurm
 * (scripts/slurm-single-node.sh): the hydra-optuna-sweeper project with two objectives, and an app whose
 * trials raise, whose reason comes back through the job wrapper.
 */
class HydraAppsQueuedTest {

    @TempDir
    Path work;

    private CliRunner sweep(Path python, Path script, List<String> launcher, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-m", "hydra.sweep.dir=" + work.resolve("sweep"),
                "--storage", work.resolve("db/studies").toString()));
        args.addAll(launcher);
        args.addAll(List.of(more));
        args.addAll(List.of("--", python.toString(), script.toString()));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private void optunaProjectAndFailures(List<String> launcher) throws Exception {
        Path python = HydraPeer.python(work.resolve("bin"));
        Path project = HydraPeer.app("optuna-mo", work);
        CliRunner run = sweep(python, project.resolve("multi_objective.py"), launcher, "hydra.sweeper.n_trials=3");
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = HydraAppsTest.trials(work.resolve("db/studies").toString(), "binh-korn");
        assertEquals(3, trials.size(), run.toString());
        for (TrialRecord trial : trials) {
            double x = ((Number) trial.paramValues().get("x")).doubleValue();
            double y = ((Number) trial.paramValues().get("y")).doubleValue();
            assertEquals(List.of(4 * x * x + 4 * y * y, -((x - 5) * (x - 5) + (y - 5) * (y - 5))), trial.values(),
                    trial.toString());
        }

        Path app = HydraPeer.app("returned", work);
        CliRunner failing = CliRunner.run(concat(List.of("run", "-m", "lr=0.7,0.05,0.9", "--study", "diverging",
                "hydra.sweep.dir=" + work.resolve("failing"), "--storage", work.resolve("db/studies").toString()),
                launcher, List.of("--", python.toString(), app.resolve("app.py").toString())).toArray(String[]::new));
        assertEquals(0, failing.exitCode(), "failed trials do not fail a sweep\n" + failing);
        List<TrialRecord> failed = HydraAppsTest.trials(work.resolve("db/studies").toString(), "diverging");
        assertEquals(3, failed.size(), failing.toString());
        assertEquals(TrialState.COMPLETE, failed.get(1).state(), failed.get(1).toString());
        assertEquals(0.05 * 0.05 + 0.05, failed.get(1).value(), 1e-9);
        for (TrialRecord trial : List.of(failed.get(0), failed.get(2))) {
            assertEquals(TrialState.FAIL, trial.state(), trial.toString());
            String reason = trial.failReason().orElse("");
            assertTrue(reason.startsWith("failed: ValueError: lr " + trial.paramValues().get("lr") + " diverges (exited with code 1)"),
                    reason);
        }
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    @Test
    void onTaskSpooler() throws Exception {
        RemoteTesting.require(Commands.find("tsp").isPresent(),
                "task-spooler's tsp is not on PATH; the Hydra apps run on it too (apt-get install task-spooler)");
        Path socket = work.resolve("tsp").resolve("socket");
        Files.createDirectories(socket.getParent());
        try {
            optunaProjectAndFailures(List.of("osprey/launcher=tsp", "osprey.launcher.socket=" + socket));
        } finally {
            ProcessBuilder stop = new ProcessBuilder("tsp", "-K").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stop.environment().put("TS_SOCKET", socket.toString());
            stop.start().waitFor();
        }
    }

    @Test
    void onSlurm() throws Exception {
        RemoteTesting.require(Commands.find("sbatch").isPresent() && System.getenv("SLURM_CONF") != null,
                "no Slurm cluster (sbatch on PATH and SLURM_CONF); start one with scripts/slurm-single-node.sh");
        optunaProjectAndFailures(List.of("osprey/launcher=slurm", "osprey.launcher.poll_interval_ms=200"));
    }
}
