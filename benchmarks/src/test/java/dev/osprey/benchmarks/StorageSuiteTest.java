package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void theWorkersTargetIsJudgedForEachKindOfWorkerJvm() {
        List<Map<String, Object>> rows = List.of(round("random", "default", 150), round("random", "aot+c1", 520),
                round("tpe", "aot+c1", 300));
        String md = StorageTargets.render(rows);
        assertTrue(md.contains("(random) at 500 trials/s or more, nothing lost or doubled; worker JVM `default` |"
                + " 150.0 trials/s (wall 3.33 s), 500 in the DB, lost 0, doubled 0 | **missed** (too slow) |"), md);
        assertTrue(md.contains("; worker JVM `aot+c1` | 520.0 trials/s (wall 0.96 s), 500 in the DB, lost 0, doubled 0"
                + " | met |"), md);
        assertTrue(md.indexOf("(random) at 500 trials/s or more, nothing lost or doubled; worker JVM `default`")
                < md.indexOf("(random) at 500 trials/s or more, nothing lost or doubled; worker JVM `aot+c1`"), md);
        assertTrue(md.contains("(tpe) at 500 trials/s or more, nothing lost or doubled; worker JVM `aot+c1` |"), md);

        String report = StorageReport.render(rows);
        assertTrue(report.contains("`aot+c1`: `java -XX:AOTCache=worker.aot -XX:TieredStopAtLevel=1 -cp JARS`"), report);
        assertTrue(report.contains("| postgres | random | 4 | osprey | default | 150.0 |"), report);
    }

    private static Map<String, Object> round(String sampler, String jvm, double perS) {
        return Row.of("system", "osprey", "storage", "postgres", "sampler", sampler, "workers", 4, "method",
                "processes", "metric", "trials_per_s", "median", perS, "wall_s", 500 / perS, "budget", 500, "trials",
                500, "distinct", 500, "sequential", true, "states", "COMPLETE 500", "told", 500, "lost", 0L,
                "doubled", 0L, "errors", "none", "jvm", jvm, "jvm_options",
                jvm.equals("default") ? "" : "-XX:AOTCache=worker.aot -XX:TieredStopAtLevel=1");
    }

    @Test
    void workerClassPathsSwapModuleDirectoriesForTheJarsBuiltFromThem(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("module/target/classes/dev"));
        Files.writeString(classes.resolve("A.class"), "");
        Path jar = Files.writeString(dir.resolve("module/target/module-1.0.jar"), "");
        Files.writeString(dir.resolve("module/target/module-1.0-tests.jar"), "");
        assertTrue(jar.toFile().setLastModified(System.currentTimeMillis() + 60_000));
        String library = dir.resolve("lib.jar").toString();
        String path = dir.resolve("module/target/classes") + File.pathSeparator + library;
        assertEquals(Optional.of(jar + File.pathSeparator + library), StorageWorkerJvm.jarClassPath(path));

        assertTrue(jar.toFile().setLastModified(0), "a jar older than its classes would run stale code");
        assertEquals(Optional.empty(), StorageWorkerJvm.jarClassPath(path));
        assertEquals(Optional.empty(), StorageWorkerJvm.jarClassPath(dir.toString()), "a directory of no module");
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
