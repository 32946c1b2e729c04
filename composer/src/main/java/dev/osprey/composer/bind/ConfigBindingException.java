package dev.osprey.composer.bind;

import dev.osprey.composer.value.ConfigException;

/**
 * A config (or an override) does not fit a record: a value of the wrong type, a key the record does
 * not have, a key it needs that is missing. The message names the dotted path, the expected type and
 * the value, and says what to change:
 * {@code 'trainer.max_epochs' expects int, got the string 'ten'. Fix the value in the config or the
 * override that sets it.}
 *
 * @since 0.1
 */
public final class ConfigBindingException extends ConfigException {

    private final String expectedType;
    private final String actual;
    private final String problem;

    ConfigBindingException(String path, String expectedType, String actual, String problem, String advice) {
        super(path, problem + ". " + advice);
        this.expectedType = expectedType;
        this.actual = actual;
        this.problem = problem;
    }

    /** The type the record wants at {@link #path()}, as written in Java ({@code int}, {@code List<String>}). */
    public String expectedType() {
        return expectedType;
    }

    /** What was found there, in words ({@code the string 'ten'}, {@code a map with keys [a, b]}). */
    public String actual() {
        return actual;
    }

    /** The message without the advice. */
    String problem() {
        return problem;
    }
}
