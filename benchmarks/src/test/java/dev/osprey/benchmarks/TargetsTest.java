package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The target verdicts of the reports, computed from hand-made rows. */
class TargetsTest {

    private static Map<String, Object> regret(String system, String function, String protocol, double median,
                                              int seeds) {
        return Row.of("system", system, "function", function, "sampler", "tpe", "at", 100, "protocol", protocol,
                "metric", "regret", "median", median, "q25", median / 2, "q75", median * 2, "seeds", seeds);
    }

    @Test
    void qualityTargetIsMetOnlyWhenNoWorseEverywhereAndBetterSomewhere() {
        List<Map<String, Object>> standard = new ArrayList<>();
        List<Map<String, Object>> extended = new ArrayList<>();
        for (TestFunctions.Function f : TestFunctions.all()) {
            standard.add(regret("osprey", f.name(), null, 1, 10));
            standard.add(regret("optuna", f.name(), null, f.name().equals("branin") ? 2 : 1, 10));
            extended.add(regret("osprey", f.name(), "extended", f.name().equals("branin") ? 3 : 1, 50));
            extended.add(regret("optuna", f.name(), "extended", 2, 50));
        }
        String md = QualityTargets.render(standard, extended);
        assertTrue(md.contains("**Standard protocol (10 seeds): met**"), md);
        assertTrue(md.contains("**Extended part (50 seeds): missed**"), md);
        assertTrue(md.contains("| branin | 3.000 | 2.000 | 1.50 | **missed** (worse) |"), md);
        assertTrue(md.contains("met (equal)") && md.contains("met (better)"), md);

        List<Map<String, Object>> equalOnly = standard.stream()
                .map(r -> regret(Row.str(r, "system"), Row.str(r, "function"), null, 1, 10)).toList();
        assertTrue(QualityTargets.render(equalOnly, List.of()).contains("(10 seeds): missed**"),
                "equal everywhere is not better on any function");
        String noOptuna = QualityTargets.render(standard.stream().filter(r -> Row.is(r, "system", "osprey")).toList(),
                List.of());
        assertTrue(noOptuna.contains("could not be evaluated"), noOptuna);
    }

    @Test
    void overheadTargetsReadTheMeasuredRows() {
        List<Map<String, Object>> rows = List.of(
                Row.of("system", "osprey", "sampler", "tpe", "storage", "inmemory", "n", 1000, "method", "grown",
                        "metric", "ms_per_trial", "median", 0.3, "mean", 0.65, "trials", 100),
                Row.of("system", "osprey", "sampler", "tpe", "storage", "inmemory", "n", 10000, "method", "grown",
                        "metric", "ms_per_trial", "median", 2.6, "mean", 2.7, "trials", 100),
                Row.of("system", "optuna", "sampler", "tpe", "storage", "inmemory", "n", 1000, "method", "grown",
                        "metric", "ms_per_trial", "median", 17.4, "mean", 18.2, "trials", 100),
                Row.of("system", "osprey", "sampler", "tpe", "storage", "inmemory", "n", 10000,
                        "metric", "fits_256mb", "passed", true, "median", 1),
                Row.of("system", "osprey", "sampler", "tpe", "storage", "inmemory", "n", 10000,
                        "metric", "heap_mb", "median", 21.7));
        String md = OverheadTargets.render(rows);
        assertTrue(md.contains("| 0.650 ms mean (median 0.300) | **missed** | 18.200 ms mean (median 17.400)"
                + " (grown) |"), md);
        assertTrue(md.contains("| 2.700 ms mean (median 2.600) | met | - |"), md);
        assertTrue(md.contains("| fits: 21.7 MB in use after a full GC | met | - |"), md);

        String quick = OverheadTargets.render(rows.subList(0, 1));
        assertTrue(quick.contains("not measured in this run (largest n = 1,000) | not evaluated"), quick);
    }

    private static Map<String, Object> round(String system, String sampler, double perS, int trials, long lost) {
        return Row.of("system", system, "storage", "postgres", "sampler", sampler, "workers", 4, "method", "processes",
                "metric", "trials_per_s", "median", perS, "wall_s", 500 / perS, "budget", 500, "trials", trials,
                "distinct", trials, "sequential", true, "states", "COMPLETE " + trials, "told", trials, "lost", lost,
                "doubled", 0L, "errors", "none");
    }

    @Test
    void storageTargetsReadTheMeasuredRows() {
        List<Map<String, Object>> rows = List.of(
                Row.of("system", "osprey", "sampler", "random", "storage", "h2file", "n", 1000, "method", "grown",
                        "metric", "ms_per_trial", "median", 0.4, "mean", 0.5, "trials", 100),
                Row.of("system", "optuna", "sampler", "random", "storage", "sqlite", "n", 1000, "method", "grown",
                        "metric", "ms_per_trial", "median", 16.1, "mean", 18.4, "trials", 100),
                Row.of("system", "osprey", "sampler", "tpe", "storage", "h2file", "n", 3000, "method", "grown",
                        "metric", "ms_per_trial", "median", 5.5, "mean", 6, "trials", 100),
                round("osprey", "random", 600, 500, 0), round("optuna", "random", 80, 501, 0),
                round("osprey", "tpe", 700, 500, 1));
        String md = StorageTargets.render(rows);
        assertTrue(md.contains("| 0.500 ms mean (median 0.400) | met | 18.400 ms mean (median 16.100) (grown) |"), md);
        assertTrue(md.contains("| 6.000 ms mean (median 5.500) | **missed** | - |"), md);
        assertTrue(md.contains("(random) at 500 trials/s or more, nothing lost or doubled | 600.0 trials/s (wall 0.83 s),"
                + " 500 in the DB, lost 0, doubled 0 | met | 80.0 trials/s"), md);
        assertTrue(md.contains("lost 1, doubled 0 | **missed** (trials lost, doubled or unfinished) |"), md);
        String noPostgres = StorageTargets.render(rows.subList(0, 3));
        assertTrue(noPostgres.contains("(PostgreSQL was not available) | not evaluated"), noPostgres);
    }
}
