package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigException;

/**
 * A key that is not in the tree was read, a key that is not in a struct-mode tree was changed
 * without being added, or a key that is already there was added.
 *
 * @since 0.1
 */
public final class ConfigKeyException extends ConfigException {

    public ConfigKeyException(String path, String message) {
        super(path, message);
    }
}
