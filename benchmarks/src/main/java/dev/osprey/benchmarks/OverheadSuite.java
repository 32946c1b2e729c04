package dev.osprey.benchmarks;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-trial overhead of Osprey: the cost of the n-th trial (ask, two suggestFloat, tell, trivial
 * objective) in one in-memory study grown trial by trial, after a JIT warm-up; the sampling cost of
 * the GP sampler's n-th trial ({@link GpCost}); plus whether a large TPE study fits in a 256 MB
 * heap ({@link HeapCheck}, run in a child JVM).
 */
public final class OverheadSuite {

    /** Study sizes to read, the warm-up study's size, the time cap per grown study, the heap check's size. */
    public record Plan(int[] ns, int warmUp, double capSeconds, int heapTrials, int gpTrials) {

        public static Plan full() {
            return new Plan(new int[] {100, 1000, 3000, 10000}, 1000, 300, 10000, 1000);
        }

        public static Plan quick() {
            return new Plan(new int[] {100, 1000}, 300, 20, 2000, 300);
        }
    }

    static final List<String> SAMPLERS = List.of("random", "tpe");

    private OverheadSuite() {
    }

    public static List<Map<String, Object>> run(Plan plan, Consumer<String> progress) {
        for (String s : SAMPLERS) {
            grow(sampler(s), plan.warmUp(), Double.POSITIVE_INFINITY);
        }
        progress.accept("osprey warm-up done (" + plan.warmUp() + "-trial study per sampler)");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String s : SAMPLERS) {
            rows.addAll(grown(s, plan, progress));
        }
        rows.addAll(GpCost.run(plan.gpTrials(), progress));
        rows.addAll(HeapCheck.runChild(plan.heapTrials(), progress));
        return rows;
    }

    static Sampler sampler(String name) {
        return Samplers.byName(name);
    }

    /** One ask / two suggestions / tell, the unit every figure of this suite times. */
    static void oneTrial(Study study) {
        Trial t = study.ask();
        double x = t.suggestFloat("x", -10, 10);
        double y = t.suggestFloat("y", -10, 10);
        study.tell(t, x * x + y * y);
    }

    /**
     * Grows a fresh study (seed 0) to {@code n} trials or until {@code capSeconds} have passed.
     *
     * @return per-trial milliseconds of the trials run, and in the last slot the elapsed seconds of each
     */
    static double[][] grow(Sampler sampler, int n, double capSeconds) {
        return grow(Study.builder().sampler(sampler).seed(0).create(), n, capSeconds);
    }

    /** Grows {@code study} by {@code n} trials or until {@code capSeconds} have passed; returns as above. */
    static double[][] grow(Study study, int n, double capSeconds) {
        double[] ms = new double[n];
        double[] cum = new double[n];
        long start = System.nanoTime();
        int done = 0;
        while (done < n) {
            long t0 = System.nanoTime();
            oneTrial(study);
            long t1 = System.nanoTime();
            ms[done] = (t1 - t0) / 1e6;
            cum[done] = (t1 - start) / 1e9;
            done++;
            if (cum[done - 1] > capSeconds) {
                break;
            }
        }
        return new double[][] {Arrays.copyOf(ms, done), Arrays.copyOf(cum, done)};
    }

    private static List<Map<String, Object>> grown(String samplerName, Plan plan, Consumer<String> progress) {
        int maxN = Arrays.stream(plan.ns()).max().orElseThrow();
        double[][] run = grow(sampler(samplerName), maxN, plan.capSeconds());
        return costRows(samplerName, "inmemory", plan.ns(), run, plan.capSeconds(), progress);
    }

    /**
     * The {@code grown} rows of one study's run (from {@link #grow}): one per size in {@code ns} it reached,
     * and one marked capped for the size it reached if its time cap ran out first.
     */
    static List<Map<String, Object>> costRows(String samplerName, String storage, int[] ns, double[][] run,
                                              double capSeconds, Consumer<String> progress) {
        int maxN = Arrays.stream(ns).max().orElseThrow();
        double[] ms = run[0];
        double[] cum = run[1];
        int reached = ms.length;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n : ns) {
            if (n <= reached) {
                rows.add(row(samplerName, storage, n, ms, cum, false));
                progress.accept("osprey " + storage + " " + samplerName + " n=" + n + ": " + Markdown.fixed(
                        Stats.mean(Arrays.copyOfRange(ms, n - 100, n)), 3) + " ms/trial");
            }
        }
        if (reached < maxN && reached >= 100) {
            rows.add(row(samplerName, storage, reached, ms, cum, true));
            progress.accept("osprey " + storage + " " + samplerName + " hit the " + capSeconds + " s cap at n="
                    + reached);
        }
        return rows;
    }

    private static Map<String, Object> row(String sampler, String storage, int n, double[] ms, double[] cum,
                                           boolean capped) {
        double[] window = Arrays.copyOfRange(ms, n - 100, n);
        return Row.of("system", "osprey", "sampler", sampler, "storage", storage, "n", n,
                "method", "grown", "metric", "ms_per_trial",
                "median", Stats.median(window), "mean", Stats.mean(window), "trials", window.length,
                "cum_wall_s", cum[n - 1], "capped", capped ? Boolean.TRUE : null);
    }
}
