package dev.osprey.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The hydra suite: one unchanged hydra-optuna-sweeper project ({@code benchmarks/python/hydra}: a
 * {@code @hydra.main} app whose config selects {@code override hydra/sweeper: optuna} and sets
 * {@code hydra.sweeper}: TPE with a seed, minimize, {@code n_trials}, {@code n_jobs: 2}, two
 * {@code interval} params) swept by Hydra itself ({@code python app.py -m}) and by Osprey
 * ({@code osprey run -m -- python app.py}), once per seed, the two systems taking turns. From the same
 * runs come the wall time, the overhead per trial beyond the app's own time ({@link SweepTimes}), and
 * the best value found. Why side by side: the target is relative (Osprey's overhead at most half of
 * Hydra's, its best value no worse), and only runs on the same machine at the same time compare.
 */
final class HydraSuite {

    static final String NAME = "hydra";
    /** The app, relative to the benchmarks' Python folder. */
    static final String APP = "hydra/branin.py";
    /** The minimum of the Branin function, for the regret column. */
    static final double BRANIN_MIN = 0.397887357729739;

    /**
     * How much the suite runs.
     *
     * @param seeds      the sampler seeds, one sweep per system for each
     * @param trials     trials per sweep ({@code hydra.sweeper.n_trials})
     */
    record Plan(int[] seeds, int trials) {

        static Plan full() {
            return new Plan(IntStream.range(0, 10).toArray(), 50);
        }

        static Plan quick() {
            return new Plan(new int[] {0, 1}, 12);
        }
    }

    private HydraSuite() {
    }

    /** The overrides both systems get for one sweep: the same command-line words for Hydra and for Osprey. */
    static List<String> overrides(int seed, int trials) {
        return List.of("hydra.sweeper.sampler.seed=" + seed, "hydra.sweeper.n_trials=" + trials);
    }

    /**
     * Runs the suite and returns the report's body, or empty (after saying why) when Hydra is not set up:
     * without Hydra neither system can run the project.
     */
    static Optional<String> report(boolean quick, HydraPeer peer, Path scripts, List<Map<String, Object>> rows,
                                   List<String> notes, Map<String, String> peers, Consumer<String> progress)
            throws Exception {
        Optional<String> versions = peer.versions();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        peers.put("hydra", versions.get());
        Plan plan = quick ? Plan.quick() : Plan.full();
        Optional<String> ospreyFailure;
        try (HydraSweeps sweeps = new HydraSweeps(peer, scripts.resolve(APP), HydraSweeps.ospreyJar(Path.of("")))) {
            ospreyFailure = warmUp(sweeps, progress);
            List<double[]> singles = new ArrayList<>();
            for (int i = 0; i < plan.seeds().length; i++) {
                int seed = plan.seeds()[i];
                // the systems take turns going first, so that a drift in the machine's load hits both alike
                List<HydraSweeps.System> order = i % 2 == 0
                        ? List.of(HydraSweeps.System.HYDRA, HydraSweeps.System.OSPREY)
                        : List.of(HydraSweeps.System.OSPREY, HydraSweeps.System.HYDRA);
                for (HydraSweeps.System system : order) {
                    if (system == HydraSweeps.System.OSPREY && ospreyFailure.isPresent()) {
                        continue;
                    }
                    HydraSweeps.Measured m;
                    try {
                        m = sweeps.sweep(system, overrides(seed, plan.trials()));
                    } catch (IllegalStateException e) {
                        // one failed sweep is reported; the others still count
                        progress.accept(system.label + " seed " + seed + " failed: " + e.getMessage());
                        notes.add("**" + system.label + "'s sweep with seed " + seed + " failed**, so it has no"
                                + " row:\n\n```\n" + e.getMessage() + "\n```");
                        continue;
                    }
                    SweepTimes t = m.times();
                    progress.accept(system.label + " seed " + seed + ": wall " + Markdown.fixed(t.wallSeconds(), 2)
                            + " s, " + t.parallelism() + " at a time, overhead " + Markdown.fixed(t.overheadPerTrial(), 3)
                            + " s/trial, median gap " + Markdown.fixed(t.medianGap(), 3) + " s, CPU "
                            + Markdown.fixed(m.cpuSeconds() / t.trials(), 3) + " s/trial, best " + Markdown.num(t.best()));
                    rows.add(row(system, seed, m));
                }
                // one direct run per seed, so that it sees the machine as the sweeps around it did
                singles.add(sweeps.single(List.of()));
            }
            rows.addAll(single(singles, progress));
        }
        rows.addAll(summaries(rows));
        notes.add("Peer: " + versions.get() + " (`" + peer.python() + "`, PYTHONPATH=" + peer.pythonPath() + "). "
                + Runtime.getRuntime().availableProcessors() + " CPUs.");
        notes.add(protocol(plan));
        notes.add("Reproducibility: Hydra's sweeper asks for a batch, runs it, and tells the batch in order, so a"
                + " seed gives the same trials every time. Osprey tells each result as it arrives and asks for the"
                + " next trial at once, so which of two running trials ends first (a matter of milliseconds) decides"
                + " what the sampler has seen: with 2 at a time, the same seed need not give the same trials in"
                + " another run. The best values are therefore compared as medians over seeds.");
        ospreyFailure.ifPresent(f -> notes.add("**Osprey could not run the project**, so it has no rows:\n\n```\n"
                + f + "\n```"));
        return Optional.of(HydraReport.render(rows));
    }

    private static String protocol(Plan plan) {
        return "Project: `benchmarks/python/" + APP + "` with `conf/config.yaml` (the Branin function, minimum "
                + BRANIN_MIN + ", after a fixed `time.sleep(0.2)`; `defaults: [override hydra/sweeper: optuna,"
                + " override hydra/sweeper/sampler: tpe]`, `hydra.sweeper`: direction minimize, n_jobs 2,"
                + " `x: interval(-5, 10)`, `y: interval(0, 15)`). Each sweep: `hydra.sweeper.sampler.seed=SEED"
                + " hydra.sweeper.n_trials=" + plan.trials() + "` on the command line of `python branin.py -m` (Hydra) and of `osprey run -m ... -- python branin.py`"
                + " (Osprey), in a fresh working folder, PYTHONPATH holding Hydra for both. Seeds "
                + Arrays.stream(plan.seeds()).mapToObj(Integer::toString).collect(Collectors.joining(", "))
                + "; the systems alternate which goes first, and a direct run of the app follows each seed's pair."
                + " One unrecorded direct run and 2-trial sweep per system came first (file caches, Python's"
                + " bytecode, the JVM's class-data archive).";
    }

    /**
     * The direct runs of the app, as one trial of Osprey's runs it: the fixed cost of a Hydra process.
     * Each holds the whole process's seconds, the task function's own and the CPU seconds.
     */
    private static List<Map<String, Object>> single(List<double[]> runs, Consumer<String> progress) {
        double[] process = runs.stream().mapToDouble(r -> r[0]).toArray();
        double[] fixed = runs.stream().mapToDouble(r -> r[0] - r[1]).toArray();
        double[] cpu = runs.stream().mapToDouble(r -> r[2]).filter(x -> !Double.isNaN(x)).toArray();
        progress.accept("one RUN-mode run of the app: " + Markdown.fixed(Stats.median(process), 3) + " s, beyond its"
                + " task " + Markdown.fixed(Stats.median(fixed), 3) + " s");
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                Row.withQuartiles(Row.of("system", "hydra", "metric", "single_run_s"), process, "runs"),
                Row.withQuartiles(Row.of("system", "hydra", "metric", "single_run_beyond_task_s"), fixed, "runs")));
        if (cpu.length > 0) {
            rows.add(Row.withQuartiles(Row.of("system", "hydra", "metric", "single_run_cpu_s"), cpu, "runs"));
        }
        return rows;
    }

    /** A short unrecorded sweep per system; Osprey's failure, if it cannot run the project, as text. */
    private static Optional<String> warmUp(HydraSweeps sweeps, Consumer<String> progress) throws Exception {
        progress.accept("warm-up: a direct run of the app and a 2-trial sweep per system");
        sweeps.single(List.of());
        sweeps.sweep(HydraSweeps.System.HYDRA, overrides(0, 2));
        try {
            sweeps.sweep(HydraSweeps.System.OSPREY, overrides(0, 2));
            return Optional.empty();
        } catch (IllegalStateException e) {
            progress.accept("osprey cannot run the project: " + e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    static Map<String, Object> row(HydraSweeps.System system, int seed, HydraSweeps.Measured m) {
        SweepTimes t = m.times();
        return Row.of("system", system.label, "seed", seed, "metric", "sweep", "trials", t.trials(),
                "parallelism", t.parallelism(), "wall_s", t.wallSeconds(), "task_s", t.taskSeconds(),
                "overhead_s_per_trial", t.overheadPerTrial(), "gap_median_s", t.medianGap(),
                "first_task_s", t.startToFirstTask(),
                "cpu_s_per_trial", Double.isNaN(m.cpuSeconds()) ? null : m.cpuSeconds() / t.trials(),
                "best_value", t.best());
    }

    /** Per system, median [q25, q75] over its sweeps of each per-sweep figure. */
    static List<Map<String, Object>> summaries(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HydraSweeps.System system : HydraSweeps.System.values()) {
            List<Map<String, Object>> sweeps = rows.stream()
                    .filter(r -> Row.is(r, "system", system.label) && Row.is(r, "metric", "sweep")).toList();
            if (sweeps.isEmpty()) {
                continue;
            }
            for (String key : List.of("wall_s", "overhead_s_per_trial", "gap_median_s", "first_task_s",
                    "cpu_s_per_trial", "best_value")) {
                double[] xs = sweeps.stream().mapToDouble(r -> Row.num(r, key)).filter(x -> !Double.isNaN(x)).toArray();
                if (xs.length > 0) {
                    out.add(Row.withQuartiles(Row.of("system", system.label, "metric", key,
                            "parallelism", range(sweeps, "parallelism"), "trials", range(sweeps, "trials")), xs, "runs"));
                }
            }
        }
        return out;
    }

    /** The one value {@code key} has in every row, or {@code "min-max"} when it varies. */
    private static String range(List<Map<String, Object>> rows, String key) {
        long min = rows.stream().mapToLong(r -> (long) Row.num(r, key)).min().orElseThrow();
        long max = rows.stream().mapToLong(r -> (long) Row.num(r, key)).max().orElseThrow();
        return min == max ? Long.toString(min) : min + "-" + max;
    }
}
