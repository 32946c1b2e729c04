package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the quality suite in quick mode, in process (Osprey only), and checks its rows are well formed: the
 * standard protocol's and the extended part's, and that the report renders both.
 */
class QualitySuiteTest {

    @Test
    void quickRunGivesAWellFormedRowForEveryFunctionSamplerAndCheckpoint() {
        QualitySuite.Plan plan = QualitySuite.Plan.quick();
        List<Map<String, Object>> all = QualitySuite.run(plan, line -> { });
        List<Map<String, Object>> rows = all.stream().filter(r -> !r.containsKey("protocol")).toList();
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
        // one wall-time row per function and sampler
        assertEquals(TestFunctions.all().stream().mapToLong(f -> QualitySuite.samplers(f).size()).sum(),
                rows.stream().filter(r -> Row.is(r, "metric", "wall_s_per_study")).count());

        List<Map<String, Object>> extended = all.stream().filter(r -> r.containsKey("protocol")).toList();
        assertTrue(plan.extendedSeeds() > 0, "quick mode runs a small extended part");
        assertEquals(TestFunctions.all().size() * QualitySuite.EXTENDED_SAMPLERS.size() * plan.at().length,
                extended.size(), extended.toString());
        Set<String> standardKeys = new LinkedHashSet<>(rows.stream()
                .filter(r -> Row.is(r, "metric", "regret")).findFirst().orElseThrow().keySet());
        standardKeys.add("protocol");
        standardKeys.add("values");
        Set<String> functions = new HashSet<>();
        for (Map<String, Object> row : extended) {
            assertEquals(standardKeys, row.keySet(), "same keys as a standard regret row, plus protocol: " + row);
            assertEquals(QualitySuite.EXTENDED, row.get("protocol"));
            assertEquals("osprey", row.get("system"));
            assertTrue(QualitySuite.EXTENDED_SAMPLERS.contains(row.get("sampler")), row.toString());
            assertEquals(plan.extendedSeeds(), ((List<?>) row.get("values")).size(), row.toString());
            assertEquals("regret", row.get("metric"));
            int at = ((Number) row.get("at")).intValue();
            assertTrue(java.util.Arrays.stream(plan.at()).anyMatch(a -> a == at), row.toString());
            assertEquals(plan.extendedSeeds(), ((Number) row.get("seeds")).intValue(), row.toString());
            double q25 = Row.num(row, "q25");
            double median = Row.num(row, "median");
            double q75 = Row.num(row, "q75");
            assertTrue(Double.isFinite(q25) && q25 >= -1e-9 && q25 <= median && median <= q75, row.toString());
            functions.add((String) row.get("function"));
        }
        assertEquals(TestFunctions.all().size(), functions.size());

        String markdown = QualityReport.render(all);
        assertTrue(markdown.startsWith("### Targets"), markdown);
        assertTrue(markdown.contains("could not be evaluated"), "no Optuna rows in process: " + markdown);
        assertTrue(markdown.contains("### TPE over " + plan.extendedSeeds() + " seeds"), markdown);
    }
}
