package dev.osprey.composer.compose;

import java.util.List;
import java.util.stream.Collectors;

/** What a Group Default selects: one option, several, none ({@code null}) or "must be given" ({@code ???}). */
sealed interface Choice {

    /** One option; its name may hold a {@code ${...}} interpolation. */
    record Named(String name) implements Choice {
        boolean isInterpolation() {
            return name.contains("${");
        }
    }

    /** Several options of one group, merged in order. */
    record Several(List<String> names) implements Choice {
        public Several {
            names = List.copyOf(names);
        }
    }

    /** {@code group: null}: a placeholder that selects nothing unless overridden. */
    record Unselected() implements Choice {
    }

    /** {@code group: ???}: the option must be selected, e.g. on the command line. */
    record Mandatory() implements Choice {
    }

    /** The option name as Hydra records it: the name, {@code ???}, or {@code null}. */
    default String name() {
        return switch (this) {
            case Named n -> n.name();
            case Mandatory m -> "???";
            case Unselected u -> null;
            case Several s -> s.names().toString();
        };
    }

    /** The choice as written in messages, the way Hydra prints it ({@code mysql}, {@code ['a', 'b']}, {@code None}). */
    default String display() {
        return switch (this) {
            case Named n -> n.name();
            case Mandatory m -> "???";
            case Unselected u -> "None";
            case Several s -> s.names().stream().map(x -> "'" + x + "'").collect(Collectors.joining(", ", "[", "]"));
        };
    }
}
