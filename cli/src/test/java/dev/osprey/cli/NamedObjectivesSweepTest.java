package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code osprey run -m} with a program that names its objectives and reports a constraint on
 * stdout: the values are stored in the study's objective order, the constraints on the trials,
 * and the end-of-sweep table and {@code osprey best} show the named front and the infeasible count.
 */
class NamedObjectivesSweepTest {

    static final Path EXAMPLE = Path.of("..", "examples", "training").toAbsolutePath().normalize();

    /** Prints latency first: the study's order is not the program's. Infeasible when lr > 0.15. */
    static final String PROGRAM = "lr=${1#*=}; echo \"osprey:objective latency_ms $lr\";"
            + " echo \"osprey:constraint memory_gb $lr <= 0.15\"; echo \"osprey:objective accuracy $lr\"";

    @TempDir
    Path work;

    private String storage() {
        return work.resolve("db").resolve("studies").toString();
    }

    private CliRunner sweep(String study, int trials, String script) {
        return CliRunner.run("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.1,0.2)", "--n-trials", Integer.toString(trials), "--storage", storage(),
                "--study", study, "osprey/sweeper=random", "osprey.sweeper.objectives=[accuracy,latency_ms]",
                "osprey.sweeper.direction=[maximize,minimize]", "osprey.sweep.dir=" + work.resolve(study),
                "--", "sh", "-c", script, "sh", "{overrides}");
    }

    private List<TrialRecord> trials(String study) {
        try (Storage s = Storages.open(storage());
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    @Test
    void namedValuesAndAConstraintReachTheStudyAndTheTables() {
        CliRunner run = sweep("named", 6, PROGRAM);
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("named");
        assertEquals(6, trials.size());
        int infeasible = 0;
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.failReason().toString());
            double lr = (Double) t.paramValues().get("optimizer.lr");
            assertEquals(List.of(lr, lr), t.values());
            assertEquals(1, t.constraints().size());
            assertEquals(lr - 0.15, t.constraints().get(0), 1e-12);
            infeasible += lr > 0.15 ? 1 : 0;
        }
        assertTrue(run.out().contains("pareto front"), run.out());
        assertTrue(run.out().matches("(?s).*#\\d+\\s+accuracy [0-9.]+, latency_ms [0-9.]+.*"), run.out());
        assertTrue(run.out().contains("infeasible trials      " + infeasible + " of 6 completed"), run.out());

        CliRunner best = CliRunner.run("best", "named", "--storage", storage());
        assertEquals(0, best.exitCode(), best.toString());
        assertTrue(best.out().contains("accuracy") && best.out().contains("latency_ms")
                && best.out().contains("constraints"), best.out());
        assertTrue(best.out().contains(infeasible + " of 6 completed trials are infeasible"), best.out());
    }

    @Test
    void aMissingOrUnknownObjectiveFailsItsTrialAndTheStudyStaysIntact() {
        CliRunner missing = sweep("missing", 2, "echo 'osprey:objective accuracy 0.5'");
        assertEquals(1, missing.exitCode(), missing.toString());
        for (TrialRecord t : trials("missing")) {
            assertEquals(TrialState.FAIL, t.state());
            assertTrue(t.failReason().orElseThrow().contains("no value for the objective 'latency_ms'"),
                    t.failReason().toString());
        }
        CliRunner unknown = sweep("unknown", 1, "echo 'osprey:objective accuracy 0.5'; echo 'osprey:objective loss 1';"
                + " echo 'osprey:objective latency_ms 2'");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        TrialRecord t = trials("unknown").get(0);
        assertTrue(t.failReason().orElseThrow().contains("the objective 'loss', which the study does not have"),
                t.failReason().toString());
        CliRunner nan = sweep("nan", 1, "echo 'osprey:objective accuracy nan'; echo 'osprey:objective latency_ms 2'");
        assertEquals(1, nan.exitCode(), nan.toString());
        assertTrue(trials("nan").get(0).failReason().orElseThrow().contains("the objective 'accuracy' is NaN"),
                trials("nan").get(0).failReason().toString());
    }
}
