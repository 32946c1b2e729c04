package dev.osprey.benchmarks;

import dev.osprey.optimizer.sampler.Samplers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The quality suite's CMA-ES and QMC rows: both samplers on every test function under the standard
 * protocol, and a long CMA-ES run (1,000 trials on rosenbrock5, a few seeds) with the regret after
 * 100, 500 and 1,000 trials and the wall time per trial; Optuna 3.1's {@code CmaEsSampler} and
 * {@code QMCSampler} run the same through {@code benchmarks/python/quality_cmaes_qmc.py}.
 */
final class CmaesQmcQuality {

    /** The {@code protocol} of the long run's rows. */
    static final String LONG = "cmaes_long";
    static final List<String> SAMPLERS = List.of("cmaes", "qmc");
    private static final int[] LONG_AT = {100, 500, 1000};

    private CmaesQmcQuality() {
    }

    /** Seeds of the long run. */
    static int longSeeds(boolean quick) {
        return quick ? 2 : 5;
    }

    static List<Map<String, Object>> run(QualitySuite.Plan plan, boolean quick, Consumer<String> progress) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TestFunctions.Function f : TestFunctions.all()) {
            for (String s : SAMPLERS) {
                rows.addAll(QualitySuite.measure(f, s, plan.seeds(), plan.trials(), plan.at(), null, progress));
            }
        }
        TestFunctions.Function rosenbrock = TestFunctions.all().stream().filter(f -> f.name().equals("rosenbrock5"))
                .findFirst().orElseThrow();
        int seeds = longSeeds(quick);
        double[][] regrets = new double[LONG_AT.length][seeds];
        double[] msPerTrial = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            long t0 = System.nanoTime();
            double[] best = QualitySuite.bestSoFar(QualitySuite.study(rosenbrock, Samplers::cmaes, seed, 1000));
            msPerTrial[seed] = (System.nanoTime() - t0) / 1e6 / best.length;
            for (int k = 0; k < LONG_AT.length; k++) {
                regrets[k][seed] = best[Math.min(LONG_AT[k], best.length) - 1] - rosenbrock.optimum();
            }
        }
        for (int k = 0; k < LONG_AT.length; k++) {
            rows.add(Row.withQuartiles(Row.of("system", "osprey", "function", rosenbrock.name(), "sampler", "cmaes",
                    "at", LONG_AT[k], "protocol", LONG, "metric", "regret"), regrets[k], "seeds"));
        }
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "function", rosenbrock.name(), "sampler", "cmaes",
                "trials", 1000, "protocol", LONG, "metric", "wall_ms_per_trial"), msPerTrial, "seeds"));
        progress.accept("osprey rosenbrock5 cmaes, 1000 trials: regret median " + Markdown.num(Stats.median(
                regrets[LONG_AT.length - 1])) + ", " + Markdown.fixed(Stats.median(msPerTrial), 3) + " ms/trial");
        return rows;
    }

    /** The long run's table, Osprey and Optuna side by side (empty without its rows). */
    static String longRunTable(List<Map<String, Object>> rows) {
        List<Map<String, Object>> longRows = rows.stream().filter(r -> Row.is(r, "protocol", LONG)).toList();
        if (longRows.isEmpty()) {
            return "";
        }
        List<List<String>> body = new ArrayList<>();
        for (String system : List.of("osprey", "optuna")) {
            List<String> cells = new ArrayList<>(List.of(system));
            for (int at : LONG_AT) {
                Map<String, Object> r = QualityReport.find(longRows, system, "rosenbrock5", "cmaes", "regret", at);
                cells.add(r == null ? "-" : Markdown.quartiles(r));
            }
            Map<String, Object> wall = longRows.stream().filter(r -> Row.is(r, "system", system)
                    && Row.is(r, "metric", "wall_ms_per_trial")).findFirst().orElse(null);
            cells.add(wall == null ? "-" : Markdown.quartiles(wall));
            cells.add(wall == null ? "-" : String.valueOf((long) Row.num(wall, "seeds")));
            body.add(cells);
        }
        return "\n### CMA-ES, 1,000 trials on rosenbrock5\n\nRegret (median [q25, q75] across seeds) and wall time"
                + " per trial of the whole study (ask, objective, tell), Osprey's `Samplers.cmaes()` against Optuna"
                + " 3.1's `CmaEsSampler(seed=seed)`, both with their defaults.\n\n"
                + Markdown.table(List.of("system", "@100", "@500", "@1000", "ms/trial", "seeds"), body);
    }
}
