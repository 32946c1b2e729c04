package dev.osprey.examples;

import dev.osprey.cli.OspreyCli;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/conditional: the options of the config group model/ declare the parameters that exist
 * only when they are chosen, and TPE models each branch from the trials that took it.
 */
class ConditionalSpaceExampleTest {

    static final Path EXAMPLE = ExamplesTest.EXAMPLES.resolve("conditional");
    static final int TRIALS = 40;
    /** TPE's default: the trials before it are drawn at random. */
    static final int STARTUP = 10;

    @TempDir
    Path work;

    private String run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "-m", "-cp", EXAMPLE.resolve("conf").toString(), "-cn", "config",
                "model=choice(resnet,vit)", "optimizer.lr=tag(log,interval(1e-4,1e-1))"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OspreyCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));
        return printed;
    }

    @Test
    void theOspreyViewOfCfgPrintsTheConditionalSpaceBeforeAnythingRuns() {
        String printed = run("--cfg", "osprey");
        assertTrue(printed.endsWith("""
                # search space (conditional: a parameter under an option exists only in the trials that choose it)
                model: choice(resnet,vit)                                (command line)
                  resnet -> model.depth: choice(18, 34, 50, 101)         (model/resnet.yaml)
                  vit    -> model.patch_size: choice(4, 8, 16, 32, 64)   (model/vit.yaml)
                optimizer.lr: tag(log,interval(1e-4,1e-1))               (command line)
                """), printed);
    }

    private List<TrialRecord> trials(String storage, String study) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    /** Each trial has the parameters of the model it chose, and no other model's. */
    private static void assertBranchParameters(TrialRecord t) {
        Map<String, Object> params = t.paramValues();
        assertEquals(params.get("model").equals("vit") ? Set.of("model", "model.patch_size", "optimizer.lr")
                : Set.of("model", "model.depth", "optimizer.lr"), params.keySet(), "trial " + t.number());
    }

    @Test
    void theProgramOfTheExampleGetsTheParametersOfTheModelItChose() {
        String storage = work.resolve("studies").toString();
        run("--n-trials", "12", "--storage", storage, "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "python3", EXAMPLE.resolve("objective.py").toString(), "{overrides}");
        List<TrialRecord> trials = trials(storage, "config");
        assertEquals(12, trials.size());
        for (TrialRecord t : trials) {
            // objective.py fails a trial that gets another model's parameter or lacks its own
            assertEquals(TrialState.COMPLETE, t.state(), t.failReason().orElse(""));
            assertBranchParameters(t);
        }
        assertTrue(trials.stream().map(t -> t.paramValues().get("model")).distinct().count() == 2);
    }

    @Test
    void theGridSweeperRunsEachModelWithItsOwnSubGrid() {
        String storage = work.resolve("studies").toString();
        int code = dev.osprey.cli.Osprey.run(new String[] {"-m", "model=choice(resnet,vit)", "--sweeper", "grid",
                "--storage", storage, "osprey.sweep.dir=" + work.resolve("multirun")},
                EXAMPLE.resolve("conf").toString(), "config", ConditionalSweep.Experiment.class, ConditionalSweep::loss);
        assertEquals(0, code);
        List<Map<String, Object>> points = trials(storage, "config").stream().map(TrialRecord::paramValues).toList();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (long depth : new long[] {18, 34, 50, 101}) {
            expected.add(Map.of("model", "resnet", "model.depth", depth));
        }
        for (long patch : new long[] {4, 8, 16, 32, 64}) {
            expected.add(Map.of("model", "vit", "model.patch_size", patch));
        }
        assertEquals(expected, points, "4 resnet depths, then 5 vit patch sizes: 9 trials, not 2 x 4 x 5");
    }

    /** The Java program of the example ({@link ConditionalSweep}, the same objective), in this JVM: 40 trials. */
    private List<TrialRecord> sweep(String sampler, int seed) {
        String storage = work.resolve("studies").toString();
        String study = sampler + "-" + seed;
        int code = dev.osprey.cli.Osprey.run(new String[] {"-m", "model=choice(resnet,vit)",
                "optimizer.lr=tag(log,interval(1e-4,1e-1))", "--sweeper", sampler, "--seed", Integer.toString(seed),
                "--n-trials", Integer.toString(TRIALS), "--study", study, "--storage", storage,
                "osprey.sweep.dir=" + work.resolve("multirun/" + study)},
                EXAMPLE.resolve("conf").toString(), "config", ConditionalSweep.Experiment.class, ConditionalSweep::loss);
        assertEquals(0, code);
        return trials(storage, study);
    }

    @Test
    void tpeLearnsEachModelsOwnParameterFromTheTrialsThatHadIt() {
        int tpeHits = 0;
        int tpeVit = 0;
        int randomHits = 0;
        int randomVit = 0;
        List<Double> tpeBest = new ArrayList<>();
        List<Double> randomBest = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            for (String sampler : List.of("tpe", "random")) {
                List<TrialRecord> trials = sweep(sampler, seed);
                assertEquals(TRIALS, trials.size());
                double best = Double.POSITIVE_INFINITY;
                for (TrialRecord t : trials) {
                    assertEquals(TrialState.COMPLETE, t.state(), t.failReason().orElse(""));
                    assertBranchParameters(t);
                    Map<String, Object> params = t.paramValues();
                    String model = (String) params.get("model");
                    best = Math.min(best, t.value());
                    if (t.number() >= STARTUP && model.equals("vit")) {
                        boolean hit = ((Number) params.get("model.patch_size")).longValue() == 16;
                        if (sampler.equals("tpe")) {
                            tpeVit++;
                            tpeHits += hit ? 1 : 0;
                        } else {
                            randomVit++;
                            randomHits += hit ? 1 : 0;
                        }
                    }
                }
                (sampler.equals("tpe") ? tpeBest : randomBest).add(best);
            }
        }
        String summary = String.format("after the %d startup trials, TPE ran %d vit trials, %d at patch size 16; random"
                + " ran %d, %d at 16; best values: TPE %s, random %s", STARTUP, tpeVit, tpeHits, randomVit, randomHits,
                tpeBest, randomBest);
        System.out.println(summary);
        // TPE models model.patch_size from the vit trials alone: it proposes the best of five patch sizes
        // far more often than the one in five of random search (seeds 0-4 give 55 of 104 against 11 of 73)
        assertTrue(tpeHits > 0.4 * tpeVit, summary);
        assertTrue((double) tpeHits / tpeVit > 2.0 * randomHits / randomVit, summary);
        // and it learns the branch itself: vit, the better model, more often than random's half
        assertTrue(tpeVit > randomVit, summary);
        assertTrue(median(tpeBest) < median(randomBest), summary);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
