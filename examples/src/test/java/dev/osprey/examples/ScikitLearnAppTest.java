package dev.osprey.examples;

import dev.osprey.cli.OspreyCli;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/scikit-learn: a real {@code @hydra.main} app, run by real Hydra 1.3.2 in each job, whose task
 * function returns the cross-validated log-loss of a scikit-learn model chosen by its config group
 * model/, swept unchanged by {@code osprey run -m}.
 */
class ScikitLearnAppTest {

    static final Path EXAMPLE = ExamplesTest.EXAMPLES.resolve("scikit-learn");
    static final Map<String, Set<String>> OWN = Map.of(
            "gbdt", Set.of("model", "model.n_estimators", "model.learning_rate", "model.max_depth", "model.subsample",
                    "model.min_samples_leaf"),
            "rf", Set.of("model", "model.n_estimators", "model.max_depth", "model.max_features",
                    "model.min_samples_leaf"));

    @TempDir
    Path work;

    Path python;

    /** A python that imports the real Hydra (scripts/hydra-peer.sh, exported by bin/test) and scikit-learn. */
    @BeforeEach
    void hydraAndScikitLearn() throws Exception {
        String interpreter = System.getenv("OSPREY_HYDRA_PYTHON");
        String path = System.getenv("OSPREY_HYDRA_PYTHONPATH");
        boolean hydra = interpreter != null && path != null && Files.isDirectory(Path.of(path, "hydra"));
        String missing = !hydra ? "real Hydra 1.3.2 is not set up (OSPREY_HYDRA_PYTHON/OSPREY_HYDRA_PYTHONPATH: run the"
                + " tests with bin/test, which runs scripts/hydra-peer.sh)"
                : !imports(interpreter, "sklearn") ? interpreter + " cannot import sklearn (apt-get install python3-sklearn)"
                : null;
        if (missing != null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + missing);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(missing == null, () -> missing + "; skipped");
        Path bin = Files.createDirectories(work.resolve("bin"));
        python = bin.resolve("python");
        Files.writeString(python, "#!/bin/sh\nPYTHONDONTWRITEBYTECODE=1 PYTHONPATH=\"${PYTHONPATH:+$PYTHONPATH:}" + path
                + "\" exec '" + interpreter + "' \"$@\"\n");
        assertTrue(python.toFile().setExecutable(true));
    }

    private static boolean imports(String interpreter, String module) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(interpreter, "-c", "import " + module).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private String osprey(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OspreyCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        return printed;
    }

    private List<TrialRecord> trials(String storage, String study) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    @Test
    void theSearchSpaceIsTheModelFamilyWithEachFamilysOwnHyperparameters() {
        String printed = osprey(List.of("run", "-m", "--cfg", "osprey", "--", python.toString(),
                EXAMPLE.resolve("app.py").toString()));
        assertTrue(printed.strip().endsWith("""
                # search space (conditional: a parameter under an option exists only in the trials that choose it)
                model: choice(gbdt, rf)                                        (config.yaml osprey.sweeper.params)
                  gbdt -> model.n_estimators: range(10, 101, 10)               (model/gbdt.yaml)
                          model.learning_rate: tag(log, interval(0.01, 0.5))   (model/gbdt.yaml)
                          model.max_depth: range(2, 7)                         (model/gbdt.yaml)
                          model.subsample: interval(0.5, 1.0)                  (model/gbdt.yaml)
                          model.min_samples_leaf: range(1, 21)                 (model/gbdt.yaml)
                  rf   -> model.n_estimators: range(10, 101, 10)               (model/rf.yaml)
                          model.max_depth: range(2, 7)                         (model/rf.yaml)
                          model.max_features: interval(0.1, 1.0)               (model/rf.yaml)
                          model.min_samples_leaf: range(1, 21)                 (model/rf.yaml)"""), printed);
    }

    @Test
    void osprey_run_m_sweepsTheUnchangedAppOnTheValueItsTaskFunctionReturns() throws Exception {
        String storage = work.resolve("studies").toString();
        osprey(List.of("run", "-m", "--n-trials", "6", "--n-jobs", "2", "--storage", storage, "cv.folds=2",
                "hydra.sweep.dir=" + work.resolve("sweep"), "--", python.toString(), EXAMPLE.resolve("app.py").toString()));
        List<TrialRecord> trials = trials(storage, "breast-cancer");
        assertEquals(6, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.number() + " " + t.failReason().orElse(""));
            String family = (String) t.paramValues().get("model");
            assertEquals(OWN.get(family), t.paramValues().keySet(), "trial " + t.number() + " has its model's parameters");
            assertTrue(t.value() > 0 && t.value() < 0.69, "a log-loss better than a coin: " + t.value());
            assertTrue(Files.isRegularFile(work.resolve("sweep").resolve(Integer.toString(t.number()))
                    .resolve(".hydra/config.yaml")), "Hydra itself ran trial " + t.number());
        }
        // the value stored is the one the task function returned: recompute the best trial's in Python
        TrialRecord best = trials.stream().min(Comparator.comparingDouble(TrialRecord::value)).orElseThrow();
        StringBuilder params = new StringBuilder("{");
        best.paramValues().forEach((k, v) -> {
            if (k.startsWith("model.")) {
                params.append('"').append(k.substring(6)).append("\": ").append(v).append(", ");
            }
        });
        params.append('}');
        Process p = new ProcessBuilder(python.toString(), "-c", "import objective; print(repr(objective"
                + ".cross_validated_log_loss('" + best.paramValues().get("model") + "', " + params + ", 2, 0)))")
                .directory(EXAMPLE.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        String[] lines = out.split("\n");
        assertEquals(best.value(), Double.parseDouble(lines[lines.length - 1]), 1e-12, "trial " + best.number());
    }
}
