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

/** {@code osprey run -m osprey/sweeper=nsga3} with Optuna's option names. */
class Nsga3SweepTest {

    @TempDir
    Path work;

    private String storage() {
        return work.resolve("db").resolve("studies").toString();
    }

    private CliRunner sweep(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-m", "-cp",
                RunCommandTest.EXAMPLE.resolve("conf").toString(), "-cn", "training", "optimizer.lr=interval(0.1,0.2)",
                "--storage", storage(), "--study", "three", "osprey/sweeper=nsga3",
                "osprey.sweeper.objectives=[a,b,c]", "osprey.sweeper.direction=[minimize,minimize,minimize]",
                "osprey.sweep.dir=" + work.resolve("multirun")));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "sh", "-c", "lr=${1#*=}; echo \"$lr 0.3 0.2\"", "sh", "{overrides}"));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aThreeObjectiveSweepRunsWithItsOptions() {
        CliRunner run = sweep("osprey.sweeper.nsga3.population_size=4", "osprey.sweeper.nsga3.dividing_parameter=2",
                "osprey.sweeper.nsga3.crossover_prob=0.8", "--n-trials", "10");
        assertEquals(0, run.exitCode(), run.toString());
        try (Storage s = Storages.open(storage());
             Study loaded = Study.builder().name("three").storage(s).heartbeatOff().load()) {
            List<TrialRecord> trials = loaded.trials();
            assertEquals(10, trials.size());
            trials.forEach(t -> assertEquals(TrialState.COMPLETE, t.state(), t.toString()));
        }
        assertTrue(run.out().contains("pareto front"), run.out());
    }

    @Test
    void badOptionsAreRefusedBeforeTheSweep() {
        CliRunner zero = sweep("osprey.sweeper.nsga3.dividing_parameter=0", "--n-trials", "2");
        assertEquals(2, zero.exitCode(), zero.toString());
        assertTrue(zero.err().contains("dividing_parameter"), zero.err());
        CliRunner unknown = sweep("osprey.sweeper.nsga3.reference_point=1", "--n-trials", "2");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("unknown option osprey.sweeper.nsga3.reference_point; the options are"
                + " crossover_prob, dividing_parameter, mutation_prob, population_size, swapping_prob"), unknown.err());
    }
}
