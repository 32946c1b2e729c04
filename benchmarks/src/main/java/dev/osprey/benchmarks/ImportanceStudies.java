package dev.osprey.benchmarks;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The random studies of the importance suite, and their JSON form for Optuna's script. */
final class ImportanceStudies {

    private ImportanceStudies() {
    }

    /**
     * Five parameters of decreasing influence: x (quadratic), kind (20 per choice index), layers
     * (2 per unit), lr (10 per decade) and noise (none).
     */
    static List<TrialRecord> fiveParams(int trials, long seed) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("x", Distribution.floats(-10, 10));
        space.put("lr", Distribution.logFloats(1e-3, 10));
        space.put("layers", Distribution.ints(0, 20));
        space.put("kind", CategoricalDistribution.of("a", "b", "c"));
        space.put("noise", Distribution.floats(0, 1));
        return random(space, trials, seed, p -> p.get("x") * p.get("x") + 20 * p.get("kind") + 2 * p.get("layers")
                + 10 * Math.log10(p.get("lr")));
    }

    /** Ten parameters (floats, log floats, ints, categoricals), each with its own weight, two without any. */
    static List<TrialRecord> tenParams(int trials, long seed) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            space.put("f" + i, Distribution.floats(-5, 5));
        }
        space.put("lr0", Distribution.logFloats(1e-4, 1));
        space.put("lr1", Distribution.logFloats(1e-4, 1));
        space.put("n0", Distribution.ints(1, 64));
        space.put("n1", Distribution.ints(1, 64));
        space.put("c0", CategoricalDistribution.of("adam", "sgd", "rmsprop"));
        space.put("c1", CategoricalDistribution.of("relu", "tanh", "gelu", "silu"));
        return random(space, trials, seed, p -> 8 * p.get("f0") * p.get("f0") + 6 * Math.sin(p.get("f1"))
                + 3 * p.get("f2") + 5 * Math.log10(p.get("lr0")) + 0.2 * p.get("n0") + 12 * (p.get("c0") == 1 ? 1 : 0)
                + 0.5 * p.get("c1"));
    }

    static List<TrialRecord> random(Map<String, Distribution> space, int trials, long seed,
                                    ToDoubleFunction<Map<String, Double>> f) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrialRecord> out = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            Map<String, Param> params = new LinkedHashMap<>();
            Map<String, Double> internal = new LinkedHashMap<>();
            space.forEach((name, d) -> {
                double v = sample(d, random);
                params.put(name, new Param(d, v));
                internal.put(name, v);
            });
            out.add(new TrialRecord(n, n, TrialState.COMPLETE, List.of(f.applyAsDouble(internal)), params,
                    new TreeMap<>(), Map.of(), Map.of(), Optional.empty(), Optional.empty()));
        }
        return out;
    }

    private static double sample(Distribution d, SplittableRandom random) {
        return switch (d) {
            case FloatDistribution f -> f.log()
                    ? Math.exp(Math.log(f.low()) + random.nextDouble() * (Math.log(f.high()) - Math.log(f.low())))
                    : f.low() + random.nextDouble() * (f.high() - f.low());
            case IntDistribution i -> i.low() + random.nextInt(i.high() - i.low() + 1);
            case CategoricalDistribution c -> random.nextInt(c.choices().size());
        };
    }

    /** The JSON that {@code benchmarks/python/importance.py} reads. */
    static String json(String name, List<TrialRecord> trials) {
        StringBuilder out = new StringBuilder("{\"name\": \"" + name + "\", \"direction\": \"minimize\", \"trials\": [");
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord t = trials.get(i);
            out.append(i == 0 ? "" : ",").append("{\"value\": ").append(t.value()).append(", \"params\": {");
            int k = 0;
            for (Map.Entry<String, Param> e : t.params().entrySet()) {
                Object value = e.getValue().value();
                out.append(k++ == 0 ? "" : ",").append('"').append(e.getKey()).append("\": [")
                        .append(value instanceof String s ? "\"" + s + "\"" : value).append(", ")
                        .append(distribution(e.getValue().distribution())).append(']');
            }
            out.append("}}");
        }
        return out.append("]}").toString();
    }

    private static String distribution(Distribution d) {
        return switch (d) {
            case FloatDistribution f -> String.format(Locale.ROOT,
                    "{\"type\": \"float\", \"low\": %s, \"high\": %s, \"log\": %s}", f.low(), f.high(), f.log());
            case IntDistribution i -> String.format(Locale.ROOT,
                    "{\"type\": \"int\", \"low\": %d, \"high\": %d, \"log\": %s}", i.low(), i.high(), i.log());
            case CategoricalDistribution c -> "{\"type\": \"categorical\", \"choices\": ["
                    + String.join(", ", c.choices().stream().map(o -> "\"" + o + "\"").toList()) + "]}";
        };
    }

    /** Spearman's rank correlation of two importance maps over the same names. */
    static double spearman(Map<String, Double> a, Map<String, Double> b) {
        List<String> ra = new ArrayList<>(a.keySet());
        ra.sort((p, q) -> Double.compare(a.get(q), a.get(p)));
        List<String> rb = new ArrayList<>(b.keySet());
        rb.sort((p, q) -> Double.compare(b.get(q), b.get(p)));
        int n = ra.size();
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            int j = rb.indexOf(ra.get(i));
            d2 += (double) (i - j) * (i - j);
        }
        return 1 - 6 * d2 / (n * ((double) n * n - 1));
    }
}
