package dev.osprey.benchmarks;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.MultiObjective;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.pareto.Hypervolume;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Multi-objective search quality and cost: ZDT1 and ZDT2 (Zitzler, Deb and Thiele, Evolutionary
 * Computation 8(2), 2000; 30 variables), DTLZ2 (Deb, Thiele, Laumanns and Zitzler, 2002; 3
 * objectives, 12 variables) and C2-DTLZ2 (Jain and Deb, IEEE TEVC 18(4), 2014; DTLZ2 with one
 * constraint, r = 0.4). For each sampler and seed, a study runs to the last checkpoint (or its time
 * cap); at each checkpoint it reached: the hypervolume of the feasible trials so far against the
 * problem's fixed reference point, the feasible fraction, and the sampling cost per trial over the
 * 100 trials before the checkpoint (the objective's own time is negligible).
 */
final class MultiObjectiveSuite {

    static final String NAME = "multiobjective";

    record Plan(int seeds, int[] at, double capSeconds) {

        static Plan full() {
            return new Plan(10, new int[] {100, 300, 1000}, 300);
        }

        static Plan quick() {
            return new Plan(10, new int[] {100, 300}, 30);
        }
    }

    /** A test problem: objective (setting its constraints), number of objectives and fixed reference point. */
    record Problem(String name, MultiObjective objective, int objectives, double[] reference) {
    }

    static final List<Problem> PROBLEMS = List.of(
            new Problem("zdt1", t -> zdt(t, true), 2, new double[] {1.1, 11}),
            new Problem("zdt2", t -> zdt(t, false), 2, new double[] {1.1, 11}),
            new Problem("dtlz2", t -> dtlz2(variables(t, 12)), 3, new double[] {3.5, 3.5, 3.5}),
            new Problem("c2dtlz2", MultiObjectiveSuite::c2dtlz2, 3, new double[] {3.5, 3.5, 3.5}));

    static final Map<String, LongFunction<Sampler>> SAMPLERS = new LinkedHashMap<>();

    static {
        SAMPLERS.put("nsga2", seed -> Samplers.nsga2());
        SAMPLERS.put("nsga3", seed -> Samplers.nsga3());
        SAMPLERS.put("motpe", seed -> Samplers.tpe());
        SAMPLERS.put("random", seed -> Samplers.random());
    }

    private MultiObjectiveSuite() {
    }

    private static double[] variables(Trial trial, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        return x;
    }

    static double[] zdt(Trial trial, boolean first) {
        double[] x = variables(trial, 30);
        double g = 1 + 9 * Arrays.stream(x, 1, 30).sum() / 29;
        double ratio = x[0] / g;
        return new double[] {x[0], g * (first ? 1 - Math.sqrt(ratio) : 1 - ratio * ratio)};
    }

    static double[] dtlz2(double[] x) {
        double g = 0;
        for (int i = 2; i < x.length; i++) {
            g += (x[i] - 0.5) * (x[i] - 0.5);
        }
        double a = Math.PI / 2 * x[0];
        double b = Math.PI / 2 * x[1];
        return new double[] {(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b),
                (1 + g) * Math.sin(a)};
    }

    /** Jain and Deb's C2 constraint (as pymoo's {@code constraint_c2}), feasible when {@code <= 0}. */
    static double c2(double[] f, double r) {
        int m = f.length;
        double caps = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double v = (f[i] - 1) * (f[i] - 1) - r * r;
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    v += f[j] * f[j];
                }
            }
            caps = Math.min(caps, v);
        }
        double centre = -r * r;
        for (double fi : f) {
            centre += (fi - 1 / Math.sqrt(m)) * (fi - 1 / Math.sqrt(m));
        }
        return Math.min(caps, centre);
    }

    private static double[] c2dtlz2(Trial trial) {
        double[] f = dtlz2(variables(trial, 12));
        trial.setConstraints(c2(f, 0.4));
        return f;
    }

    static List<Map<String, Object>> run(Plan plan, Consumer<String> progress) {
        warmUp();
        List<Map<String, Object>> rows = new ArrayList<>();
        int last = plan.at()[plan.at().length - 1];
        for (Problem problem : PROBLEMS) {
            for (Map.Entry<String, LongFunction<Sampler>> sampler : SAMPLERS.entrySet()) {
                int k = plan.at().length;
                double[][] hv = new double[k][plan.seeds()];
                double[][] feasible = new double[k][plan.seeds()];
                double[][] cost = new double[k][plan.seeds()];
                int[] counted = new int[k];
                int reachedMin = Integer.MAX_VALUE;
                for (int seed = 0; seed < plan.seeds(); seed++) {
                    Direction[] directions = new Direction[problem.objectives()];
                    Arrays.fill(directions, Direction.MINIMIZE);
                    Study study = Study.builder().directions(directions).seed(seed)
                            .sampler(sampler.getValue().apply(seed)).create();
                    List<Long> nanos = new ArrayList<>();
                    long start = System.nanoTime();
                    while (nanos.size() < last && (System.nanoTime() - start) / 1e9 < plan.capSeconds()) {
                        long t0 = System.nanoTime();
                        study.optimizeMulti(problem.objective(), Budget.trials(nanos.size() + 1));
                        nanos.add(System.nanoTime() - t0);
                    }
                    List<TrialRecord> trials = study.trials();
                    reachedMin = Math.min(reachedMin, trials.size());
                    for (int c = 0; c < k; c++) {
                        int at = plan.at()[c];
                        if (trials.size() >= at) {
                            int i = counted[c]++;
                            hv[c][i] = hypervolume(trials.subList(0, at), problem.reference());
                            feasible[c][i] = trials.subList(0, at).stream()
                                    .filter(t -> t.constraintViolation().orElse(0) == 0).count() / (double) at;
                            cost[c][i] = nanos.subList(at - 100, at).stream().mapToLong(Long::longValue).sum() / 1e8;
                        }
                    }
                    progress.accept(problem.name() + " " + sampler.getKey() + " seed " + seed + ": "
                            + trials.size() + " trials");
                }
                for (int c = 0; c < k; c++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("system", "osprey");
                    row.put("problem", problem.name());
                    row.put("sampler", sampler.getKey());
                    row.put("at", plan.at()[c]);
                    row.put("seeds", counted[c]);
                    row.put("reached_min", reachedMin);
                    if (counted[c] > 0) {
                        row.put("hv", quartiles(Arrays.copyOf(hv[c], counted[c])));
                        row.put("feasible", quartiles(Arrays.copyOf(feasible[c], counted[c])));
                        row.put("ms_per_trial", quartiles(Arrays.copyOf(cost[c], counted[c])));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The hypervolume of the feasible trials no worse than {@code reference} in every objective. */
    static double hypervolume(List<TrialRecord> trials, double[] reference) {
        List<double[]> points = new ArrayList<>();
        for (TrialRecord t : trials) {
            if (t.constraintViolation().orElse(0) > 0 || t.values().isEmpty()) {
                continue;
            }
            double[] p = t.values().stream().mapToDouble(Double::doubleValue).toArray();
            boolean inside = true;
            for (int k = 0; k < p.length; k++) {
                inside &= p[k] <= reference[k];
            }
            if (inside) {
                points.add(p);
            }
        }
        return Hypervolume.of(points.toArray(double[][]::new), reference);
    }

    private static Map<String, Object> quartiles(double[] xs) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("median", Stats.percentile(xs, 50));
        q.put("q25", Stats.percentile(xs, 25));
        q.put("q75", Stats.percentile(xs, 75));
        return q;
    }

    /**
     * One unrecorded short study per problem and sampler, so that the JIT has compiled the hot
     * paths of two and three objectives, with and without constraints, before anything is timed
     * (warming up on C2-DTLZ2 alone left ZDT1, timed first, paying for compilation).
     */
    private static void warmUp() {
        for (Problem problem : PROBLEMS) {
            for (LongFunction<Sampler> sampler : SAMPLERS.values()) {
                Direction[] directions = new Direction[problem.objectives()];
                Arrays.fill(directions, Direction.MINIMIZE);
                Study study = Study.builder().directions(directions).seed(99).sampler(sampler.apply(99)).create();
                study.optimizeMulti(problem.objective(), Budget.trials(150));
            }
        }
    }
}
