package dev.osprey.studydb;


import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import dev.osprey.optimizer.space.CategoricalDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of distributions. It follows Optuna's ({@code {"name": "FloatDistribution",
 * "attributes": {...}}}) so that a study can be read by tools that know that format.
 */
final class DistributionJson {

    private DistributionJson() {
    }

    static String write(Distribution distribution) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        String name = switch (distribution) {
            case FloatDistribution f -> {
                attributes.put("low", f.low());
                attributes.put("high", f.high());
                attributes.put("log", f.log());
                attributes.put("step", f.step());
                yield "FloatDistribution";
            }
            case IntDistribution i -> {
                attributes.put("low", (long) i.low());
                attributes.put("high", (long) i.high());
                attributes.put("log", i.log());
                attributes.put("step", (long) i.step());
                yield "IntDistribution";
            }
            case CategoricalDistribution c -> {
                attributes.put("choices", c.choices());
                yield "CategoricalDistribution";
            }
        };
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("attributes", attributes);
        return StoredJson.write(root);
    }

    static Distribution read(String json) {
        if (!(StoredJson.parse(json) instanceof Map<?, ?> root)
                || !(root.get("name") instanceof String name)
                || !(root.get("attributes") instanceof Map<?, ?> attributes)) {
            throw new IllegalArgumentException(
                    "a distribution must be a JSON object with 'name' and 'attributes', but got " + json);
        }
        return switch (name) {
            case "FloatDistribution" -> new FloatDistribution(
                    number(attributes, "low", json), number(attributes, "high", json),
                    bool(attributes, "log", json),
                    attributes.get("step") == null ? null : number(attributes, "step", json));
            case "IntDistribution" -> new IntDistribution(
                    integer(attributes, "low", json), integer(attributes, "high", json),
                    bool(attributes, "log", json),
                    attributes.get("step") == null ? 1 : integer(attributes, "step", json));
            case "CategoricalDistribution" -> {
                if (!(attributes.get("choices") instanceof List<?> choices)) {
                    throw new IllegalArgumentException("a categorical distribution needs a 'choices' list: " + json);
                }
                yield new CategoricalDistribution(new java.util.ArrayList<Object>(choices));
            }
            default -> throw new IllegalArgumentException("unknown distribution '" + name
                    + "'; expected FloatDistribution, IntDistribution or CategoricalDistribution");
        };
    }

    private static double number(Map<?, ?> attributes, String key, String json) {
        if (!(attributes.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("distribution attribute '" + key + "' must be a number: " + json);
        }
        return n.doubleValue();
    }

    private static int integer(Map<?, ?> attributes, String key, String json) {
        double n = number(attributes, key, json);
        if (n != Math.rint(n) || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("distribution attribute '" + key
                    + "' must be a whole number that fits an int, but got " + n + ": " + json);
        }
        return (int) n;
    }

    /** An absent flag is false; a present one must be a boolean. */
    private static boolean bool(Map<?, ?> attributes, String key, String json) {
        Object value = attributes.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("distribution attribute '" + key + "' must be true or false: " + json);
        }
        return Boolean.TRUE.equals(value);
    }
}
