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
import java.util.Map;

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
            assertEquals(lr - 0.15, t.namedConstraints().get("memory_gb"), 1e-12);
            infeasible += lr > 0.15 ? 1 : 0;
        }
        assertTrue(run.out().contains("pareto front"), run.out());
        assertTrue(run.out().matches("(?s).*#\\d+\\s+accuracy [0-9.]+, latency_ms [0-9.]+.*"), run.out());
        assertTrue(run.out().contains("infeasible trials      " + infeasible + " of 6 completed"), run.out());

        CliRunner best = CliRunner.run("best", "named", "--storage", storage());
        assertEquals(0, best.exitCode(), best.toString());
        assertTrue(best.out().contains("accuracy") && best.out().contains("latency_ms")
                && best.out().lines().findFirst().orElseThrow().contains("memory_gb"), best.out());
        CliRunner listed = CliRunner.run("trials", "named", "--storage", storage(), "--format", "csv");
        assertTrue(listed.out().startsWith("number,state,accuracy,latency_ms,memory_gb,params"), listed.out());
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

    /**
     * Writes named values and two constraints to the result file as JSON; trial 2, 6, ... leaves
     * {@code disk_gb} out and trial 3, 7, ... every constraint (the sweep runs one job at a time).
     */
    static final String JSON_PROGRAM = "lr=${1#*=}; n=$((OSPREY_TRIAL_NUMBER % 4));"
            + " disk=', \"disk_gb\": {\"value\": 2, \"limit\": 1}'; [ $n -eq 2 ] && disk=;"
            + " c=\", \\\"constraints\\\": {\\\"memory_gb\\\": {\\\"value\\\": $lr, \\\"at_least\\\": 0.12}$disk}\";"
            + " [ $n -eq 3 ] && c=;"
            + " echo \"{\\\"values\\\": {\\\"latency_ms\\\": $lr, \\\"accuracy\\\": $lr}$c}\" > \"$OSPREY_RESULT_FILE\"";

    @Test
    void aJsonResultFileNamesValuesAndConstraintsAndAMissingConstraintFailsItsTrialByName() {
        CliRunner run = sweep("json", 8, JSON_PROGRAM);
        List<TrialRecord> trials = trials("json");
        assertEquals(8, trials.size(), run.toString());
        for (TrialRecord t : trials) {
            double lr = (Double) t.paramValues().get("optimizer.lr");
            if (t.number() % 4 < 2) {
                assertEquals(TrialState.COMPLETE, t.state(), t.failReason().toString());
                assertEquals(List.of(lr, lr), t.values());
                assertEquals(List.of("disk_gb", "memory_gb"), t.constraintNames(), "stored by name, in name order");
                assertEquals(1.0, t.namedConstraints().get("disk_gb"));
                assertEquals(0.12 - lr, t.namedConstraints().get("memory_gb"), 1e-12);
            } else {
                assertEquals(TrialState.FAIL, t.state());
                String reason = t.failReason().orElseThrow();
                assertTrue(reason.contains("no value for the constraint 'disk_gb'"), reason);
            }
        }
        CliRunner listed = CliRunner.run("trials", "json", "--storage", storage(), "--format", "csv");
        assertTrue(listed.out().startsWith("number,state,accuracy,latency_ms,disk_gb,memory_gb,params"), listed.out());
    }
}
