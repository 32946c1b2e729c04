package dev.osprey.composer.value;

import dev.osprey.composer.ComposerException;


/**
 * A config tree was read or changed in a way it does not allow: a value of another type than asked
 * for, a path through a scalar. The subclasses say more: {@link MissingValueException} for a
 * {@code ???} value, {@link ConfigKeyException} for a key that is not there or not allowed.
 *
 * @since 0.1
 */
public class ConfigException extends ComposerException {

    private final String path;

    public ConfigException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** The dotted path the error is about ({@code ""} for the root). */
    public String path() {
        return path;
    }
}
