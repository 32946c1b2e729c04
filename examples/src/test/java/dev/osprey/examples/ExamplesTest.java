package dev.osprey.examples;

import dev.osprey.cli.OspreyCli;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each example runs, end to end, as its documentation says. */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("").toAbsolutePath();

    @TempDir
    Path work;

    private List<TrialRecord> trials(String storage, String study) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    @Test
    void theJavaTrainProgramSweepsThroughOspreyMain() {
        String storage = work.resolve("studies").toString();
        int code = dev.osprey.cli.Osprey.run(new String[] {"-m", "lr=tag(log,interval(1e-3,1))",
                "hidden=range(4,33,4)", "l2=tag(log,interval(1e-6,1e-2))", "--n-trials", "12", "--n-jobs", "2",
                "--storage", storage, "osprey.sweep.dir=" + work.resolve("multirun")},
                "classpath:classifier", "train", TrainClassifier.Training.class, TrainClassifier::train);
        assertEquals(0, code);
        List<TrialRecord> trials = trials(storage, "train");
        assertEquals(12, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.FAIL));
        double best = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).mapToDouble(TrialRecord::value).min()
                .orElseThrow();
        // a trained network beats guessing (log-loss of 0.693) by far on two moons
        assertTrue(best < 0.35, "best validation log-loss " + best);
    }

    @Test
    void theJavaTrainProgramChecksOverridesAgainstItsRecordBeforeRunning() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = dev.osprey.cli.Osprey.run(new String[] {"hidden=many"}, "classpath:classifier", "train",
                    TrainClassifier.Training.class, TrainClassifier::train);
        } finally {
            System.setErr(saved);
        }
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("hidden") && message.contains("many"), message);
    }

    @Test
    void theAccuracyLatencyStudyFindsAFeasibleFrontUnderTheMemoryLimit() {
        String file = work.resolve("tradeoff").toString();
        AccuracyLatencyStudy.main(new String[] {file, "36"});
        try (var storage = dev.osprey.optimizer.Storages.open(file);
             var study = dev.osprey.optimizer.Study.builder().name("accuracy-latency").storage(storage).heartbeatOff()
                     .load()) {
            assertEquals(List.of("accuracy", "latency_ms"), study.objectiveNames());
            assertEquals(36, study.trials().size());
            for (TrialRecord t : study.trials()) {
                int hidden = ((Number) t.paramValues().get("hidden")).intValue();
                assertEquals(List.of((4 * hidden + 1) * 8.0 - 1024), t.constraints(), "the memory constraint");
            }
            assertTrue(!study.infeasibleTrials().isEmpty(), "widths up to 128 break the limit");
            for (TrialRecord t : study.bestTrials()) {
                assertTrue(t.constraintViolation().orElseThrow() == 0, "the front is within the limit: " + t);
                assertTrue(t.values().get(0) > 0.5, "a front model beats chance: " + t);
            }
        }
    }

    @Test
    void theEmbeddedStudyIsReopenedFromItsFileAndContinued() {
        String file = work.resolve("embedded").toString();
        EmbeddedStudy.main(new String[] {file, "6"});
        List<TrialRecord> trials = trials(file, "rosenbrock");
        assertEquals(12, trials.size());
        assertEquals(List.of(0, 11), List.of(trials.get(0).number(), trials.get(11).number()));
        EmbeddedStudy.main(new String[] {file, "6"});
        assertEquals(24, trials(file, "rosenbrock").size(), "a second run continues the stored study");
    }

    @Test
    void aGridAcrossLauncherResourcesGivesEachJobItsCpus() {
        boolean slurm = System.getenv("SLURM_CONF") != null;
        if (!slurm && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but SLURM_CONF is not set: start Slurm with scripts/slurm-single-node.sh");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(slurm, "Slurm is not running here (no SLURM_CONF); skipped");
        String storage = work.resolve("studies").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OspreyCli.run(new String[] {"run", "-m", "-cp", EXAMPLES.resolve("resources/conf").toString(),
                "-cn", "benchmark", "osprey/launcher=slurm", "osprey.launcher.cpus_per_task=1,2",
                "workload.size=50000,100000", "osprey.launcher.poll_interval_ms=100", "--n-jobs", "4",
                "--storage", storage, "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "sh", EXAMPLES.resolve("resources/work.sh").toString(), "{overrides}"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        List<TrialRecord> trials = trials(storage, "benchmark");
        assertEquals(4, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.failReason().orElse(""));
            Object cpus = t.paramValues().get("osprey.launcher.cpus_per_task");
            Path dir = Path.of((String) t.userAttrs().get("osprey.job_dir"));
            String firstLine;
            try {
                firstLine = java.nio.file.Files.readAllLines(dir.resolve("stdout.log")).get(0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertTrue(firstLine.startsWith("cpus=" + cpus + " "), "job " + t.number() + " asked for " + cpus
                    + " CPUs and printed " + firstLine);
        }
    }
}
