package dev.osprey.composer.override;

import dev.osprey.composer.override.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tokens of one override, read from the {@link Lexer} only when the {@link Parser} looks at
 * them, and the parser's error strategy, which reproduces the reports of the reference parser:
 *
 * <ul>
 * <li>{@link #match}: the expected token, else {@code extraneous input 'X' expecting T} when the
 *     token after X is T, else {@code missing T at 'X'} when X may follow T, else
 *     {@code mismatched input 'X' expecting T};</li>
 * <li>{@link #sync} before a block or loop: a token that can start (or, when optional, follow) it,
 *     else {@code extraneous} (when the next token would do) or {@code mismatched input};</li>
 * <li>{@link #syncLoopBack} after a loop iteration: a token that continues or ends the loop, else
 *     {@code extraneous input};</li>
 * <li>{@link #speculate}: a trial parse that, on failure, reports
 *     {@code no viable alternative at input '<text from the start to the offending token>'}.</li>
 * </ul>
 */
final class TokenStream {

    private final String input;
    private final Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int p;
    private boolean speculating;

    TokenStream(String input) {
        this.input = input;
        this.lexer = new Lexer(input);
    }

    /** The {@code k}-th token from the current one ({@code k >= 1}); EOF repeats at the end. */
    Token lt(int k) {
        int index = p + k - 1;
        while (tokens.size() <= index) {
            if (!tokens.isEmpty() && tokens.getLast().type() == Type.EOF) {
                return tokens.getLast();
            }
            tokens.add(lexer.next());
        }
        return tokens.get(index);
    }

    private Type la(int k) {
        return lt(k).type();
    }

    Token consume() {
        Token token = lt(1);
        if (token.type() != Type.EOF) {
            p++;
            lt(1);
        }
        return token;
    }

    /**
     * Runs {@code rule} as a trial from the current token, then rewinds, and returns the token that
     * followed what the trial parsed. A syntax error inside it becomes a no-viable-alternative error
     * over the text the trial covered.
     */
    Token speculate(Runnable rule) {
        int mark = p;
        Token start = lt(1);
        speculating = true;
        try {
            rule.run();
        } catch (Speculation failure) {
            speculating = false;
            throw noViableAlternative(start, failure.offending, failure.expected);
        }
        speculating = false;
        Token next = lt(1);
        p = mark;
        return next;
    }

    /** Matches a token; {@code following} is what may come right after it (for "missing" reports). */
    Token match(Type type, Set<Type> following) {
        if (la(1) == type) {
            return consume();
        }
        Token offending = lt(1);
        Set<Type> expected = Token.of(type);
        if (speculating) {
            throw new Speculation(offending, expected);
        }
        if (la(2) == type) {
            throw report("extraneous input ", offending, expected);
        }
        if (following.contains(offending.type())) {
            throw error("missing " + Token.vocabulary(expected) + " at " + offending.display(), offending, expected);
        }
        throw report("mismatched input ", offending, expected);
    }

    /** Before a block or loop: the next token must be one that can start it (or follow it, when optional). */
    void sync(Set<Type> next) {
        if (next.contains(la(1))) {
            return;
        }
        Token offending = lt(1);
        if (speculating) {
            throw new Speculation(offending, next);
        }
        throw report(next.contains(la(2)) ? "extraneous input " : "mismatched input ", offending, next);
    }

    /** After a loop iteration: the next token must continue or end the loop. */
    void syncLoopBack(Set<Type> next) {
        if (next.contains(la(1))) {
            return;
        }
        if (speculating) {
            throw new Speculation(lt(1), next);
        }
        throw report("extraneous input ", lt(1), next);
    }

    /**
     * A no-viable-alternative error. Like the reference, building its text reads the rest of the
     * input first, so a bad character anywhere after this point is reported instead.
     */
    OverrideParseException noViableAlternative(Token start, Token offending, Set<Type> expected) {
        lexer.drain();
        String text = start.type() == Type.EOF ? "<EOF>"
                : input.substring(start.start(), offending.type() == Type.EOF ? input.length() : offending.end());
        return error("no viable alternative at input '" + Token.escapeWhitespace(text) + "'", offending, expected);
    }

    private OverrideParseException report(String what, Token offending, Set<Type> expected) {
        return error(what + offending.display() + " expecting " + Token.vocabulary(expected), offending, expected);
    }

    private OverrideParseException error(String reason, Token offending, Set<Type> expected) {
        return new OverrideParseException(input, offending.column(), reason, Token.describe(expected));
    }

    /** A failed trial parse: where it failed and what would have been accepted there. */
    private static final class Speculation extends RuntimeException {
        private final transient Token offending;
        private final transient Set<Type> expected;

        Speculation(Token offending, Set<Type> expected) {
            super(null, null, false, false);
            this.offending = offending;
            this.expected = expected;
        }
    }
}
