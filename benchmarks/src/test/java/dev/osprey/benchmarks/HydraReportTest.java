package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hydra suite's target verdicts and tables, from hand-made sweeps. */
class HydraReportTest {

    private static Map<String, Object> sweep(String system, int seed, int parallelism, double wall, double overhead,
                                             double gap, double best) {
        return Row.of("system", system, "seed", seed, "metric", "sweep", "trials", 50, "parallelism", parallelism,
                "wall_s", wall, "task_s", 0.2, "overhead_s_per_trial", overhead, "gap_median_s", gap,
                "first_task_s", 0.9, "best_value", best);
    }

    private static List<Map<String, Object>> rows(double ospreyOverhead, double ospreyGap, double ospreyBest) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            rows.add(sweep("hydra", seed, 1, 16 + seed, 0.12 + 0.01 * seed, 0.1, 0.40 + 0.01 * seed));
            rows.add(sweep("osprey", seed, 2, 10 + seed, ospreyOverhead + 0.01 * seed, ospreyGap, ospreyBest + 0.01 * seed));
        }
        rows.addAll(HydraSuite.summaries(rows));
        return rows;
    }

    @Test
    void targetsAreMetWhenOspreyCostsAtMostHalfAndFindsNoWorse() {
        String md = HydraReport.render(rows(0.05, 0.04, 0.40));
        assertTrue(md.contains("| Osprey's overhead per trial is at most half of Hydra + hydra-optuna-sweeper's"
                + " | 0.060 s | 0.130 s | 0.46 | met |"), md);
        assertTrue(md.contains("| the same, judged on the steady-state gap | 0.040 s | 0.100 s | 0.40 | met |"), md);
        assertTrue(md.contains("| the best value after 50 trials is no worse (median over seeds) | 0.41 (lower than"
                + " Hydra's on 0 of 3 seeds) | 0.41 | 1.000 | met |"), md);
        assertTrue(md.contains("| hydra | 3 | 50 | 1 | 17.000 [16.500, 17.500] |"), md);
        assertTrue(md.contains("| osprey | 3 | 50 | 2 | 11.000 [10.500, 11.500] |"), md);
        assertTrue(md.contains("Wall time, Osprey / Hydra: 0.65 (medians)."), md);
        assertTrue(md.contains("| 1 | 0.41 | 0.41 | 17.00 | 11.00 | 0.130 | 0.060 | 0.100 | 0.040 |"), md);
    }

    @Test
    void targetsAreMissedWhenOspreyCostsMoreOrFindsWorse() {
        String md = HydraReport.render(rows(0.5, 0.45, 0.5));
        assertTrue(md.contains("| 0.510 s | 0.130 s | 3.92 | **missed** |"), md);
        assertTrue(md.contains("| 0.450 s | 0.100 s | 4.50 | **missed** |"), md);
        assertTrue(md.contains("| 0.51 (lower than Hydra's on 0 of 3 seeds) | 0.41 | 1.244 | **missed** |"), md);
    }

    @Test
    void seedsWhereOspreyFoundLessAreCounted() {
        List<Map<String, Object>> rows = List.of(sweep("hydra", 0, 1, 16, 0.1, 0.1, 0.5),
                sweep("osprey", 0, 2, 10, 0.1, 0.1, 0.4), sweep("hydra", 1, 1, 16, 0.1, 0.1, 0.5),
                sweep("osprey", 1, 2, 10, 0.1, 0.1, 0.6), sweep("hydra", 2, 1, 16, 0.1, 0.1, 0.5));
        assertEquals("1 of 2", HydraReport.lowerOn(rows));
    }

    @Test
    void withoutOspreysSweepsNothingIsJudged() {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(sweep("hydra", 0, 1, 16, 0.12, 0.1, 0.4)));
        rows.addAll(HydraSuite.summaries(rows));
        String md = HydraReport.render(rows);
        assertTrue(md.contains("| not measured | 0.120 s | - | not evaluated |"), md);
        assertTrue(md.contains("| 0 | 0.4 | - |"), md);
    }
}
