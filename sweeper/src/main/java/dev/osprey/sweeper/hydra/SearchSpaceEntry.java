package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of hydra-optuna-sweeper's deprecated typed {@code search_space}
 * ({@code {type: int|float|categorical, low, high, step, log, choices}}) as the sweep of the override
 * grammar that means the same: Optuna's bounds are inclusive.
 */
final class SearchSpaceEntry {

    private SearchSpaceEntry() {
    }

    static String sweep(String name, ConfigValue spec) {
        if (!(spec instanceof ConfigValue.MapValue map)) {
            throw new IllegalArgumentException("hydra.sweeper.search_space." + name + " must be {type: ..., ...}, got "
                    + spec.toPlain());
        }
        Config entry = Config.of(map);
        String where = "hydra.sweeper.search_space." + name;
        String type = OptunaSweeperSettings.value(entry, "type").map(OptunaSweeperSettings::lower).orElseThrow(() ->
                new IllegalArgumentException(where + " has no type (int, float or categorical)"));
        boolean log = OptunaSweeperSettings.value(entry, "log").map(Boolean.TRUE::equals).orElse(false);
        return switch (type) {
            case "categorical" -> {
                List<Object> choices = entry.find("choices").filter(v -> v instanceof ConfigValue.ListValue)
                        .map(v -> ((ConfigValue.ListValue) v).items().stream().map(ConfigValue::toPlain).toList())
                        .orElseThrow(() -> new IllegalArgumentException(where + " is categorical without a list of choices"));
                yield "choice(" + choices.stream().map(SearchSpaceEntry::literal).collect(Collectors.joining(",")) + ")";
            }
            case "int" -> {
                long low = whole(entry, where, "low");
                long high = whole(entry, where, "high");
                Object step = OptunaSweeperSettings.value(entry, "step").orElse(null);
                if (step != null && ((Number) step).longValue() != 1) {
                    yield "range(" + low + "," + (high + 1) + "," + ((Number) step).longValue() + ")";
                }
                String interval = "int(interval(" + low + "," + high + "))";
                yield log ? "tag(log," + interval + ")" : interval;
            }
            case "float" -> {
                if (OptunaSweeperSettings.value(entry, "step").isPresent()) {
                    throw new IllegalArgumentException(where + " has a float step, which the override grammar writes as"
                            + " range(low, high, step) with high excluded; write it in hydra.sweeper.params instead");
                }
                String interval = "interval(" + number(entry, where, "low") + "," + number(entry, where, "high") + ")";
                yield log ? "tag(log," + interval + ")" : interval;
            }
            default -> throw new IllegalArgumentException(where + " has type '" + type
                    + "'; hydra-optuna-sweeper's types are int, float and categorical");
        };
    }

    private static long whole(Config entry, String where, String key) {
        Object v = OptunaSweeperSettings.value(entry, key).orElseThrow(() ->
                new IllegalArgumentException(where + " needs " + key));
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException(where + "." + key + " must be a whole number for type int, got " + v);
    }

    private static String number(Config entry, String where, String key) {
        Object v = OptunaSweeperSettings.value(entry, key).orElseThrow(() ->
                new IllegalArgumentException(where + " needs " + key));
        if (v instanceof Number n) {
            return Double.toString(n.doubleValue());
        }
        throw new IllegalArgumentException(where + "." + key + " must be a number, got " + v);
    }

    private static String literal(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return String.valueOf(value); // numbers as written, booleans as true/false
    }
}
