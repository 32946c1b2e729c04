package dev.osprey.benchmarks;

import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.sampler.tpe.TpeBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where Osprey's default TPE departs from Optuna 3.1's {@code TPESampler()}, one point at a time: each
 * variant is the default with a single setting put back to Optuna 3.1's, run on the quality suite's
 * functions over the same seeds, and compared with the default by the Wilcoxon signed-rank test on
 * the paired regrets (a seed's random start-up trials are the same under every variant).
 * docs/samplers-and-pruners.md quotes its table. Usage: {@code TpeAblation SEEDS OUT.md}.
 */
public final class TpeAblation {

    private static final int TRIALS = 100;
    private static final int[] AT = {25, 50, 100};

    private TpeAblation() {
    }

    /** The variants, the default first. */
    static Map<String, Supplier<Sampler>> variants() {
        Map<String, Supplier<Sampler>> v = new LinkedHashMap<>();
        v.put("default (`tpe`)", Samplers::tpe);
        v.put("independent (multivariate off)", () -> Samplers.tpeBuilder().multivariate(false).build());
        v.put("categorical prior weight 1", () -> Samplers.tpeBuilder().categoricalPriorWeight(1.0).build());
        v.put("prior centre in the bandwidths", () -> Samplers.tpeBuilder().priorInBandwidths(true).build());
        v.put("density without -log sigma", () -> Samplers.tpeBuilder().unscaledDensity(true).build());
        v.put("log integers by point density", () -> Samplers.tpeBuilder().logIntPointDensity(true).build());
        v.put("Scott bandwidth (multivariate)", () -> Samplers.tpeBuilder().scottBandwidth(true).build());
        v.put("all of Optuna 3.1 (`tpe_optuna`)", () -> TpeBuilder.optuna31().build());
        return v;
    }

    public static void main(String[] args) throws IOException {
        int seeds = Integer.parseInt(args[0]);
        StringBuilder out = new StringBuilder("| function | variant |");
        for (int at : AT) {
            out.append(" median @").append(at).append(" |");
        }
        out.append(" p @100 vs default | seeds better / worse @100 |\n|---|---|");
        out.append("---|".repeat(AT.length + 2)).append('\n');
        for (TestFunctions.Function f : TestFunctions.all()) {
            double[][] base = null;
            for (Map.Entry<String, Supplier<Sampler>> e : variants().entrySet()) {
                double[][] r = regrets(f, e.getValue(), seeds);
                out.append("| ").append(f.name()).append(" | ").append(e.getKey()).append(" |");
                for (double[] atK : r) {
                    out.append(' ').append(Markdown.num(Stats.median(atK))).append(" |");
                }
                if (base == null) {
                    base = r;
                    out.append(" - | - |\n");
                } else {
                    double[] a = r[AT.length - 1];
                    double[] b = base[AT.length - 1];
                    int better = 0;
                    int worse = 0;
                    for (int i = 0; i < seeds; i++) {
                        better += a[i] < b[i] ? 1 : 0;
                        worse += a[i] > b[i] ? 1 : 0;
                    }
                    out.append(' ').append(Markdown.num(Stats.wilcoxonP(a, b))).append(" | ").append(better)
                            .append(" / ").append(worse).append(" |\n");
                }
                System.err.println("[ablation] " + f.name() + " " + e.getKey() + " done");
            }
        }
        String table = "TPE ablation: " + TRIALS + " trials, seeds 0.." + (seeds - 1) + ", simple regret;"
                + " p = two-sided Wilcoxon signed-rank test against the default; better / worse = seeds whose"
                + " regret after 100 trials is below / above the default's.\n\n" + out;
        Files.writeString(Path.of(args[1]), table);
        System.out.println(table);
    }

    private static double[][] regrets(TestFunctions.Function f, Supplier<Sampler> sampler, int seeds) {
        double[][] r = new double[AT.length][seeds];
        for (int seed = 0; seed < seeds; seed++) {
            double[] best = QualitySuite.bestSoFar(QualitySuite.study(f, sampler, seed, TRIALS));
            for (int k = 0; k < AT.length; k++) {
                r[k][seed] = best[Math.min(AT[k], best.length) - 1] - f.optimum();
            }
        }
        return r;
    }
}
