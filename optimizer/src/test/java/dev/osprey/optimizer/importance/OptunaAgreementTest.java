package dev.osprey.optimizer.importance;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Osprey's fANOVA against Optuna 3.1's {@code FanovaImportanceEvaluator}, run by {@code /usr/bin/python3}
 * on the same trials. Skipped where Optuna or scikit-learn cannot be imported, except on CI
 * ({@code CI=true}), where their absence fails the test.
 */
class OptunaAgreementTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void fanovaRanksParametersAsOptunaDoes() throws Exception {
        requireOptuna();
        Path script = dir.resolve("optuna_importance.py");
        try (InputStream in = getClass().getResourceAsStream("optuna_importance.py")) {
            Files.write(script, in.readAllBytes());
        }
        for (long seed : new long[] {1}) { // one study: Optuna takes tens of seconds; the benchmark compares several
            List<TrialRecord> trials = SyntheticStudies.fiveParams(200, seed);
            Path json = dir.resolve("trials-" + seed + ".json");
            Files.writeString(json, SyntheticStudies.json(trials, "minimize"));

            Map<String, Double> optuna = run(script, json);
            Map<String, Double> osprey = Importances.fanova(0).evaluate(trials, 0, Direction.MINIMIZE);

            assertEquals(osprey.keySet(), optuna.keySet());
            double rho = SyntheticStudies.spearman(osprey, optuna);
            assertTrue(rho >= 0.9, "Spearman " + rho + " for study " + seed + ": Osprey " + osprey + ", Optuna " + optuna);
            assertEquals(List.copyOf(optuna.keySet()).get(0), List.copyOf(osprey.keySet()).get(0), "Osprey " + osprey + ", Optuna " + optuna);
        }
    }

    private static Map<String, Double> run(Path script, Path json) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, script.toString(), json.toString(), "fanova", "0")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("Optuna's importance script failed:\n" + out);
        }
        Map<String, Double> importances = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            importances.put(parts[0], Double.parseDouble(parts[1]));
        }
        return importances;
    }

    private static void requireOptuna() throws InterruptedException {
        boolean available;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import optuna, sklearn").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available && "true".equals(System.getenv("CI"))) {
            fail(PYTHON + " cannot import optuna and sklearn; CI installs python3-optuna and python3-sklearn");
        }
        assumeTrue(available, PYTHON + " cannot import optuna and sklearn (apt-get install python3-optuna python3-sklearn)");
    }
}
