package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage suite in process, Osprey only: part A in quick mode on H2 files (rows well formed), and one
 * part-B round of two worker JVMs on an H2 server (nothing lost or doubled). Timing is never asserted.
 */
class StorageSuiteTest {

    @Test
    void quickPartAOnAnH2FileGivesAWellFormedRowForEverySamplerAndSize() {
        StorageSuite.Plan plan = StorageSuite.Plan.quick();
        List<Map<String, Object>> rows = StorageSuite.partA(plan, Optional.empty(), line -> { });
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> row : rows) {
            assertEquals("osprey", row.get("system"), row.toString());
            assertEquals("h2file", row.get("storage"), row.toString());
            assertEquals("grown", row.get("method"), row.toString());
            assertEquals("ms_per_trial", row.get("metric"), row.toString());
            assertEquals(100, ((Number) row.get("trials")).intValue(), row.toString());
            double mean = Row.num(row, "mean");
            double median = Row.num(row, "median");
            double cum = Row.num(row, "cum_wall_s");
            assertTrue(mean > 0 && Double.isFinite(mean) && median > 0 && Double.isFinite(median), row.toString());
            assertTrue(cum > 0 && cum < plan.capSeconds() + 5, row.toString());
            assertTrue(OverheadSuite.SAMPLERS.contains((String) row.get("sampler")), row.toString());
            seen.add(row.get("sampler") + "@" + row.get("n"));
        }
        for (String sampler : OverheadSuite.SAMPLERS) {
            for (int n : plan.ns()) {
                assertTrue(seen.contains(sampler + "@" + n), "missing " + sampler + "@" + n + " in " + rows);
            }
        }
        assertEquals(OverheadSuite.SAMPLERS.size() * plan.ns().length, rows.size(), rows.toString());

        String markdown = StorageReport.render(rows);
        assertTrue(markdown.startsWith("### Targets"), markdown);
        assertTrue(markdown.contains("| h2file | random | " + plan.ns()[0] + " | grown | osprey |"), markdown);
        assertTrue(markdown.contains("PostgreSQL was not available) | not evaluated"), markdown);
    }

    @Test
    void twoWorkerProcessesOnAnH2ServerLoseAndDoubleNothing() {
        int trials = 30;
        Map<String, Object> row;
        try (BenchDatabases.H2 server = BenchDatabases.H2.start(); BenchDatabases.Fresh db = server.client()) {
            row = SharedStudyRound.run("h2server", db, "random", 2, trials, 180);
        }
        assertEquals("none", row.get("errors"), row.toString());
        assertEquals(0L, ((Number) row.get("lost")).longValue(), row.toString());
        assertEquals(0L, ((Number) row.get("doubled")).longValue(), row.toString());
        assertEquals(trials, ((Number) row.get("trials")).intValue(), "Budget.trials is a study-level budget: " + row);
        assertEquals(row.get("trials"), row.get("distinct"), row.toString());
        assertEquals(trials, ((Number) row.get("told")).intValue(), row.toString());
        assertEquals(Boolean.TRUE, row.get("sequential"), row.toString());
        assertEquals("COMPLETE " + trials, row.get("states"), row.toString());
        assertEquals(2, ((Number) row.get("workers")).intValue());
        assertTrue(Row.num(row, "median") > 0 && Row.num(row, "ready_s") > 0, row.toString());
    }
}
