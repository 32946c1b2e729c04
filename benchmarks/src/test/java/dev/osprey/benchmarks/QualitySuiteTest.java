package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the quality suite in quick mode, in process (Osprey only), and checks its rows are well formed. */
class QualitySuiteTest {

    @Test
    void quickRunGivesAWellFormedRowForEveryFunctionSamplerAndCheckpoint() {
        QualitySuite.Plan plan = QualitySuite.Plan.quick();
        List<Map<String, Object>> rows = QualitySuite.run(plan, line -> { });
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> row : rows) {
            assertEquals("osprey", row.get("system"));
            assertEquals(plan.seeds(), ((Number) row.get("seeds")).intValue(), row.toString());
            double median = Row.num(row, "median");
            double q25 = Row.num(row, "q25");
            double q75 = Row.num(row, "q75");
            assertTrue(Double.isFinite(median) && Double.isFinite(q25) && Double.isFinite(q75), row.toString());
            assertTrue(q25 <= median && median <= q75, row.toString());
            if (Row.is(row, "metric", "regret")) {
                assertTrue(q25 >= -1e-9, "regret cannot be below the optimum: " + row);
                seen.add(row.get("function") + "/" + row.get("sampler") + "@" + row.get("at"));
            } else {
                assertEquals("wall_s_per_study", row.get("metric"), row.toString());
                assertTrue(q25 > 0, row.toString());
            }
        }
        for (TestFunctions.Function f : TestFunctions.all()) {
            for (String sampler : QualitySuite.samplers(f)) {
                for (int at : plan.at()) {
                    assertTrue(seen.contains(f.name() + "/" + sampler + "@" + at), "missing " + f.name() + "/"
                            + sampler + "@" + at);
                }
            }
        }
        assertTrue(seen.contains("branin/grid@10"));
        assertEquals(3 * 3 + 1, rows.stream().filter(r -> Row.is(r, "metric", "wall_s_per_study")).count());
    }
}
