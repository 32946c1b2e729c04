package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workload report's verdicts and cells, on hand-made per-study rows. */
class WorkloadReportTest {

    private static Map<String, Object> study(String system, String objective, String sampler, int seed, double at10,
            double at25, double wall, double objective_s) {
        return Row.of("system", system, "objective", objective, "sampler", sampler, "seed", seed, "trials", 25,
                "best", Map.of("10", at10, "25", at25), "wall_s", wall, "objective_s", objective_s);
    }

    @Test
    void theVerdictsCompareMediansOverSeedsAndTheOverheadShare() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            // Osprey's default: better than Optuna after 10 trials (0.10 vs 0.12), worse after 25 (0.09 vs 0.08)
            rows.add(study("osprey", "scikit-learn", "default", seed, 0.10, 0.09, 100.5, 100.0));
            rows.add(study("optuna", "scikit-learn", "tpe", seed, 0.12, 0.08, 101, 100.0));
            // 2% overhead on Smile: a miss
            rows.add(study("osprey", "smile", "default", seed, 0.2, 0.1, 10.2, 10.0));
        }
        String md = WorkloadReport.render(rows, new int[] {10, 25});
        assertTrue(md.contains("| scikit-learn: default best after 10 <= Optuna TPE's (median) | 0.1 vs 0.12 | met |"), md);
        assertTrue(md.contains("| scikit-learn: default best after 25 <= Optuna TPE's (median) | 0.09 vs 0.08 | missed |"),
                md);
        assertTrue(md.contains("| scikit-learn: default's overhead per trial < 1% of the objective's time (median) | 0.50% | met |"),
                md);
        assertTrue(md.contains("| smile: default's overhead per trial < 1% of the objective's time (median) | 2.00% | missed |"),
                md);
        // per trial: (100.5 - 100) / 25 s = 20 ms of overhead, 4000 ms of objective
        assertTrue(md.contains("| osprey | default | 0.1 [0.1, 0.1] | 0.09 [0.09, 0.09] | 100.5 [100.5, 100.5] | 4000.0 [4000.0,"
                + " 4000.0] | 20.000 [20.000, 20.000] | 0.50% |"), md);
    }

    @Test
    void withoutOptunaTheQualityTargetIsNotEvaluated() {
        String md = WorkloadReport.render(List.of(study("osprey", "scikit-learn", "default", 0, 0.1, 0.09, 10.05, 10)),
                new int[] {10, 25});
        assertTrue(md.contains("Optuna did not run | not evaluated"), md);
        assertTrue(md.contains("| smile: default's overhead per trial < 1% of the objective's time (median) | not measured |"
                + " not evaluated |"), md);
        assertTrue(!md.contains("### Smile"), "no table for an objective without rows: " + md);
    }
}
