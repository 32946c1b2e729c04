package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardSuiteTest {

    @Test
    void aSizeThatTimedOutKeepsItsRowAndMissesItsTarget() {
        List<Map<String, Object>> rows = List.of(
                Row.of("system", "osprey", "metric", "first_render_s", "trials", 10_000, "seconds", 0.8, "timed_out", false),
                Row.withQuartiles(Row.of("system", "osprey", "metric", "render_s", "trials", 10_000, "timed_out", false),
                        new double[] {0.5, 0.7}, "runs"),
                Row.of("system", "osprey", "metric", "first_render_s", "trials", 100_000, "seconds", Double.NaN,
                        "timed_out", true),
                Row.of("system", "osprey", "metric", "render_s", "trials", 100_000, "timed_out", true,
                        "patience_s", DashboardSuite.PATIENCE_S));
        String report = DashboardSuite.render(rows);
        assertTrue(report.contains("| study page of 10,000 trials fully rendered < 1 s | 0.600 s (median) | met |"), report);
        assertTrue(report.contains("| study page of 100,000 trials fully rendered < 3 s | > 120 s (timed out) | **missed** |"),
                report);
        assertTrue(report.contains("| 100,000 (first load: server caches cold) | > 120 s (timed out) |"), report);
        assertTrue(report.contains("| 10,000 (first load: server caches cold) | 0.800 |"), report);
    }
}
