package dev.osprey.benchmarks;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Search quality of Osprey's samplers on the test functions: simple regret (best value so far
 * minus the known optimum) after a few trial counts, across seeds, plus wall time per study.
 */
public final class QualitySuite {

    /**
     * How much to run: seeds {@code 0..seeds-1}, {@code trials} per study, regret read at {@code at}; then the
     * extended part, the default TPE and the GP alone over seeds {@code 0..extendedSeeds-1}, regret read after {@code trials}
     * trials ({@code extendedSeeds = 0} skips it).
     */
    public record Plan(int seeds, int trials, int[] at, int extendedSeeds) {

        public static Plan full() {
            return new Plan(10, 100, new int[] {10, 25, 50, 100}, 50);
        }

        public static Plan quick() {
            return new Plan(3, 50, new int[] {10, 25, 50}, 5);
        }
    }

    /** The {@code protocol} value of the extended part's rows (rows of the standard protocol have no such key). */
    static final String EXTENDED = "extended";

    /** Osprey's default TPE, which the targets judge. */
    static final String DEFAULT_SAMPLER = "tpe";

    /** The Gaussian-process sampler, which the extended part also runs, for its target against the default TPE. */
    static final String GP_SAMPLER = "gp";
    /** TPE with Optuna 3.1's defaults and kernel formulas ({@code Samplers.tpeOptuna()}). */
    static final String OPTUNA_TPE = "tpe_optuna";

    /** The samplers the extended part runs: Osprey's default TPE, the GP (for its target against it) and TPE as Optuna 3.1. */
    static final List<String> EXTENDED_SAMPLERS = List.of(DEFAULT_SAMPLER, GP_SAMPLER, OPTUNA_TPE);

    private QualitySuite() {
    }

    /** Osprey's sampler names for a function, in report order. */
    static List<String> samplers(TestFunctions.Function f) {
        return f.grid() == null ? List.of("tpe", "tpe_indep", "gp", "auto", OPTUNA_TPE, "random")
                : List.of("tpe", "tpe_indep", "gp", "auto", OPTUNA_TPE, "random", "grid");
    }

    static Sampler sampler(String name, TestFunctions.Function f, long seed) {
        return switch (name) {
            case "tpe_indep" -> Samplers.tpeBuilder().multivariate(false).build();
            case "grid" -> Samplers.grid(shuffledGrid(f.grid(), seed));
            default -> Samplers.byName(name);
        };
    }

    /**
     * The grid's points in an order shuffled by the seed: a grid runs its points in the order given,
     * and Optuna's grid sampler, which the report compares it with, visits them in a random order.
     */
    static List<Map<String, Object>> shuffledGrid(Map<String, List<Double>> space, long seed) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(Map.of());
        for (Map.Entry<String, List<Double>> axis : new TreeMap<>(space).entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (double value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        Collections.shuffle(points, new Random(seed));
        return points;
    }

    /**
     * Runs every function and sampler over the plan's seeds (regret and wall-time rows), then the extended part's
     * samplers over the extended seeds (regret rows marked {@code "protocol": "extended"}, with each seed's value).
     */
    public static List<Map<String, Object>> run(Plan plan, Consumer<String> progress) {
        warmUp();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TestFunctions.Function f : TestFunctions.all()) {
            for (String samplerName : samplers(f)) {
                rows.addAll(measure(f, samplerName, plan.seeds(), plan.trials(), plan.at(), null, progress));
            }
        }
        if (plan.extendedSeeds() > 0) {
            for (TestFunctions.Function f : TestFunctions.all()) {
                for (String samplerName : EXTENDED_SAMPLERS) {
                    rows.addAll(measure(f, samplerName, plan.extendedSeeds(), plan.trials(), plan.at(), EXTENDED,
                            progress));
                }
            }
        }
        return rows;
    }

    /**
     * One function and sampler over seeds {@code 0..seeds-1}: regret rows at each checkpoint, plus the wall-time
     * row for the standard protocol ({@code protocol == null}); other protocols are named in a row key.
     */
    static List<Map<String, Object>> measure(TestFunctions.Function f, String samplerName, int seeds,
                                                     int trials, int[] ats, String protocol,
                                                     Consumer<String> progress) {
        double[][] regrets = new double[ats.length][seeds];
        double[] walls = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            long t0 = System.nanoTime();
            long studySeed = seed;
            double[] values = study(f, () -> sampler(samplerName, f, studySeed), seed, trials);
            walls[seed] = (System.nanoTime() - t0) / 1e9;
            double[] best = bestSoFar(values);
            for (int k = 0; k < ats.length; k++) {
                int at = Math.min(ats[k], best.length);
                regrets[k][seed] = best[at - 1] - f.optimum();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k = 0; k < ats.length; k++) {
            Map<String, Object> row = new LinkedHashMap<>(Row.withQuartiles(Row.of("system", "osprey", "function", f.name(),
                    "sampler", samplerName, "at", ats[k], "protocol", protocol, "metric", "regret"), regrets[k], "seeds"));
            if (protocol != null) {
                // each seed's regret, for the rank test between samplers in the report
                row.put("values", java.util.Arrays.stream(regrets[k]).boxed().toList());
            }
            rows.add(row);
        }
        if (protocol == null) {
            rows.add(Row.withQuartiles(Row.of("system", "osprey", "function", f.name(),
                    "sampler", samplerName, "trials", trials, "metric", "wall_s_per_study"), walls, "seeds"));
        }
        progress.accept("osprey " + f.name() + " " + samplerName + (protocol == null ? "" : " (" + protocol + ", "
                + seeds + " seeds)") + ": regret@" + ats[ats.length - 1] + " median "
                + Markdown.num(Stats.median(regrets[ats.length - 1])));
        return rows;
    }

    /** One study's objective values in trial order (non-COMPLETE trials count as +infinity). */
    static double[] study(TestFunctions.Function f, Supplier<Sampler> sampler, long seed, int trials) {
        Study study = Study.builder().sampler(sampler.get()).seed(seed).create();
        study.optimize(t -> f.objective().applyAsDouble(t), trials);
        List<TrialRecord> done = study.trials();
        double[] values = new double[done.size()];
        for (int i = 0; i < values.length; i++) {
            TrialRecord t = done.get(i);
            values[i] = t.state() == TrialState.COMPLETE ? t.value() : Double.POSITIVE_INFINITY;
        }
        return values;
    }

    static double[] bestSoFar(double[] values) {
        double[] best = new double[values.length];
        double b = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            b = Math.min(b, values[i]);
            best[i] = b;
        }
        return best;
    }

    /** Lets the JIT compile the sampling paths before anything is timed; nothing is recorded. */
    private static void warmUp() {
        for (TestFunctions.Function f : TestFunctions.all()) {
            for (String s : List.of("tpe", "tpe_indep", OPTUNA_TPE)) {
                study(f, () -> sampler(s, f, 1000), 1000, 100);
            }
        }
    }
}
