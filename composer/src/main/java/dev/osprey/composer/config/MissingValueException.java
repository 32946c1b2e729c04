package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigException;

/**
 * A value marked {@code ???} (mandatory, not given) was read. The message names its full path:
 * {@code Missing mandatory value: db.password}.
 *
 * @since 0.1
 */
public final class MissingValueException extends ConfigException {

    public MissingValueException(String path) {
        super(path, "Missing mandatory value: " + path);
    }
}
