package dev.osprey.composer.override;

import java.util.List;

/**
 * The syntax tree the {@link Parser} builds: tokens grouped by grammar rule, before any typing or
 * function call. The {@link Evaluator} turns it into {@link Value}s; keeping the two apart makes
 * every syntax error come before any function error, as in Hydra.
 */
sealed interface Syntax {

    /** A primitive: one quoted string, or a run of unquoted tokens (whitespace included). */
    record Primitive(List<Token> tokens) implements Syntax {
    }

    /** {@code [a, b]}. */
    record ListNode(Token open, List<Syntax> items) implements Syntax {
    }

    /** {@code {k: v, ...}}. */
    record DictNode(Token open, List<Pair> pairs) implements Syntax {
    }

    /** One {@code key: value} of a dict; the key is a primitive without quotes, colons or interpolations. */
    record Pair(Primitive key, Syntax value) {
    }

    /** {@code name(args)}, with the exact source text of the call for error messages. */
    record Call(Token name, List<Arg> args, String text) implements Syntax {
    }

    /** A call argument; {@code name} is null for a positional one. */
    record Arg(Token name, Syntax value) {
    }

    /**
     * A whole override. {@code values} is null when there is no {@code =} ({@code ~key}), empty
     * after a bare {@code =}, one element, or the elements of a simple sweep {@code a,b,c}.
     */
    record OverrideNode(OverrideKind kind, String key, String packageName, List<Syntax> values) {
    }
}
