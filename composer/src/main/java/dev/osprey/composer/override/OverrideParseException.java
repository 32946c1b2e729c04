package dev.osprey.composer.override;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.config.Secrets;


/**
 * A command-line override that is not valid: a character no token accepts, a token the grammar
 * does not allow where it stands, or a function call that fails ({@code int('a')},
 * {@code choice()}).
 *
 * <p>{@link #reason()} is the text Hydra gives for the same input (for example
 * {@code mismatched input '=' expecting <EOF>} or
 * {@code ValueError while evaluating 'int(nan)': cannot convert float NaN to integer}), so that
 * error messages can be compared with Hydra's. {@link #getMessage()} adds the override, the
 * column and, for syntax errors, what was expected there.
 */
public final class OverrideParseException extends ComposerException {

    private final String input;
    private final int column;
    private final String reason;
    private final String expected;
    private final int index;

    OverrideParseException(String input, int column, String reason, String expected) {
        this(input, column, reason, expected, -1);
    }

    private OverrideParseException(String input, int column, String reason, String expected, int index) {
        super(format(input, column, reason, expected, index));
        this.input = input;
        this.column = column;
        this.reason = reason;
        this.expected = expected;
        this.index = index;
    }

    /** The same error, located as the {@code index}-th override of a list. */
    OverrideParseException atIndex(int newIndex) {
        OverrideParseException located = new OverrideParseException(input, column, reason, expected, newIndex);
        located.setStackTrace(getStackTrace());
        return located;
    }

    private static String format(String input, int column, String reason, String expected, int index) {
        StringBuilder out = new StringBuilder("Error parsing override ");
        if (index >= 0) {
            out.append("#").append(index).append(' ');
        }
        out.append('\'').append(Secrets.mask(input)).append("': ").append(reason).append(" (column ").append(column);
        if (expected != null) {
            out.append(": expected ").append(expected);
        }
        return out.append(')').toString();
    }

    /** The override string as given. */
    public String input() {
        return input;
    }

    /** The 1-based column of the offending token or function call in {@link #input()}. */
    public int column() {
        return column;
    }

    /** Hydra's message for this error, without the override or the column. */
    public String reason() {
        return reason;
    }

    /** What the grammar allows at {@link #column()}, in words; {@code null} for errors of function calls. */
    public String expected() {
        return expected;
    }

    /** The position of the override in the list given to {@link Overrides#parseAll}, or -1. */
    public int index() {
        return index;
    }
}
