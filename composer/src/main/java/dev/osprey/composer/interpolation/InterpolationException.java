package dev.osprey.composer.interpolation;

import dev.osprey.composer.value.ConfigException;

/**
 * An interpolation could not be resolved: a reference to a key that is not there or that is
 * {@code ???}, a cycle, an unknown resolver, a resolver that rejected its arguments, invalid
 * syntax. The message names the interpolation, the path of the value holding it and the rule:
 * {@code Interpolation '${db.host}' at 'url': key 'db.host' not found}.
 *
 * @since 0.1
 */
public final class InterpolationException extends ConfigException {

    private final String interpolation;

    public InterpolationException(String path, String interpolation, String message) {
        super(path, message);
        this.interpolation = interpolation;
    }

    /** The interpolation as written ({@code ${a.b}}), or the whole value for a syntax error. */
    public String interpolation() {
        return interpolation;
    }
}
