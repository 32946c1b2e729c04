package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files Hydra leaves at a sweep's root, written by Osprey for a Hydra app's sweep so that tools
 * that read them keep working: {@code multirun.yaml} (the sweep's config, unresolved, with its
 * {@code hydra} node in MULTIRUN mode and the command line's overrides, as Hydra's basic sweeper
 * writes it) and, for a hydra-optuna-sweeper project, {@code optimization_results.yaml} (the best
 * parameters and value, or the Pareto front's solutions, as that plugin writes it).
 *
 * @since 0.2
 */
public final class SweepRecords {

    static final String MULTIRUN_FILE = "multirun.yaml";
    static final String RESULTS_FILE = "optimization_results.yaml";

    private SweepRecords() {
    }

    /**
     * Writes {@code multirun.yaml} into {@code sweepDir}.
     *
     * @param job       the sweep's config as composed, without the {@code hydra} and {@code osprey} nodes
     * @param hydra     the composed {@code hydra} node
     * @param overrides the command line's overrides, as given
     */
    public static void writeMultirun(Path sweepDir, Config job, Config hydra, List<ConfigOverride> overrides) {
        List<String> hydraOverrides = new ArrayList<>();
        List<String> taskOverrides = new ArrayList<>();
        for (ConfigOverride o : overrides) {
            if (o.key().startsWith("osprey")) {
                continue; // Osprey's settings are not the app's
            }
            (HydraRuntime.isHydraSetting(o.key()) ? hydraOverrides : taskOverrides).add(o.input());
        }
        Config node = hydra.asOpen().forceAdd("mode", "MULTIRUN")
                .forceAdd("overrides", Map.of("hydra", hydraOverrides, "task", taskOverrides));
        write(sweepDir.resolve(MULTIRUN_FILE), job.asOpen().forceAdd(HydraRuntime.KEY, node.root().toPlain()).toYaml());
    }

    /** Writes {@code optimization_results.yaml} for {@code study} into {@code sweepDir}, if it has a complete trial. */
    public static void writeOptimizationResults(Path sweepDir, Study study) {
        List<TrialRecord> best = study.bestTrials();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("name", "optuna");
        if (study.directions().size() == 1) {
            if (best.isEmpty()) {
                return;
            }
            TrialRecord trial = study.bestTrial();
            results.put("best_params", new LinkedHashMap<>(trial.paramValues()));
            results.put("best_value", trial.value());
        } else {
            List<Map<String, Object>> solutions = new ArrayList<>();
            for (TrialRecord trial : best) {
                Map<String, Object> solution = new LinkedHashMap<>();
                solution.put("params", new LinkedHashMap<>(trial.paramValues()));
                solution.put("values", trial.values());
                solutions.add(solution);
            }
            results.put("solutions", solutions);
        }
        write(sweepDir.resolve(RESULTS_FILE), Config.of(results).toYaml());
    }

    private static void write(Path file, String text) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
