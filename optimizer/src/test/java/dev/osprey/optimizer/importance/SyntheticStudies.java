package dev.osprey.optimizer.importance;

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

/** Random studies with known structure, and their JSON form for Optuna. */
final class SyntheticStudies {

    static final FloatDistribution X = Distribution.floats(-10, 10);
    static final FloatDistribution LR = Distribution.logFloats(1e-3, 10);
    static final IntDistribution LAYERS = Distribution.ints(0, 20);
    static final CategoricalDistribution KIND = CategoricalDistribution.of("a", "b", "c");
    static final FloatDistribution NOISE = Distribution.floats(0, 1);

    private SyntheticStudies() {
    }

    /**
     * Five parameters of decreasing influence: x (quadratic), kind (20 per choice index), layers
     * (2 per unit), lr (10 per decade) and noise (none).
     */
    static List<TrialRecord> fiveParams(int trials, long seed) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("x", X);
        space.put("lr", LR);
        space.put("layers", LAYERS);
        space.put("kind", KIND);
        space.put("noise", NOISE);
        return random(space, trials, seed, p -> p.get("x") * p.get("x") + 20 * p.get("kind") + 2 * p.get("layers")
                + 10 * Math.log10(p.get("lr")));
    }

    /** Random trials over {@code space} with objective {@code f} of the internal values. */
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
            out.add(complete(n, params, f.applyAsDouble(internal)));
        }
        return out;
    }

    static TrialRecord complete(int number, Map<String, Param> params, double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return new TrialRecord(number, number, TrialState.COMPLETE, list, params, new TreeMap<>(), Map.of(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    static double sample(Distribution d, SplittableRandom random) {
        return switch (d) {
            case FloatDistribution f -> f.log()
                    ? Math.exp(Math.log(f.low()) + random.nextDouble() * (Math.log(f.high()) - Math.log(f.low())))
                    : f.low() + random.nextDouble() * (f.high() - f.low());
            case IntDistribution i -> i.low() + random.nextInt(i.high() - i.low() + 1);
            case CategoricalDistribution c -> random.nextInt(c.choices().size());
        };
    }

    /** The JSON that {@code optuna_importance.py} reads. */
    static String json(List<TrialRecord> trials, String direction) {
        StringBuilder out = new StringBuilder("{\"direction\": \"" + direction + "\", \"trials\": [");
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord t = trials.get(i);
            out.append(i == 0 ? "" : ",").append("{\"value\": ").append(number(t.value())).append(", \"params\": {");
            int k = 0;
            for (Map.Entry<String, Param> e : t.params().entrySet()) {
                out.append(k++ == 0 ? "" : ",").append('"').append(e.getKey()).append("\": [");
                Object value = e.getValue().value();
                out.append(value instanceof String s ? "\"" + s + "\"" : value instanceof Double d ? number(d) : value);
                out.append(", ").append(distribution(e.getValue().distribution())).append(']');
            }
            out.append("}}");
        }
        return out.append("]}").toString();
    }

    private static String distribution(Distribution d) {
        return switch (d) {
            case FloatDistribution f -> String.format(Locale.ROOT, "{\"type\": \"float\", \"low\": %s, \"high\": %s, \"log\": %s}",
                    number(f.low()), number(f.high()), f.log());
            case IntDistribution i -> String.format(Locale.ROOT, "{\"type\": \"int\", \"low\": %d, \"high\": %d, \"log\": %s}",
                    i.low(), i.high(), i.log());
            case CategoricalDistribution c -> "{\"type\": \"categorical\", \"choices\": ["
                    + String.join(", ", c.choices().stream().map(o -> "\"" + o + "\"").toList()) + "]}";
        };
    }

    private static String number(double v) {
        return Double.toString(v);
    }

    /** Spearman's rank correlation of two importance maps over the same names (no ties expected). */
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
