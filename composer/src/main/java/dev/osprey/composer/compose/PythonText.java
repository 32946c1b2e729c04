package dev.osprey.composer.compose;

import dev.osprey.composer.value.ConfigValue;

import java.util.stream.Collectors;

/** Config values written the way Hydra's messages show them (Python's {@code str}). */
final class PythonText {

    private PythonText() {
    }

    static String of(ConfigValue value) {
        return switch (value) {
            case ConfigValue.StringValue s -> s.value();
            case ConfigValue.MissingValue m -> ConfigValue.MISSING_MARKER;
            default -> repr(value);
        };
    }

    private static String repr(ConfigValue value) {
        return switch (value) {
            case ConfigValue.StringValue s -> "'" + s.value() + "'";
            case ConfigValue.IntValue i -> Long.toString(i.value());
            case ConfigValue.FloatValue f -> Double.isNaN(f.value()) ? "nan"
                    : Double.isInfinite(f.value()) ? (f.value() > 0 ? "inf" : "-inf") : Double.toString(f.value());
            case ConfigValue.BoolValue b -> b.value() ? "True" : "False";
            case ConfigValue.NullValue n -> "None";
            case ConfigValue.MissingValue m -> "'???'";
            case ConfigValue.ListValue l -> l.items().stream().map(PythonText::repr)
                    .collect(Collectors.joining(", ", "[", "]"));
            case ConfigValue.MapValue m -> m.entries().entrySet().stream()
                    .map(e -> "'" + e.getKey() + "': " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        };
    }
}
