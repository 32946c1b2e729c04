package dev.osprey.composer.compose;

import dev.osprey.composer.value.ConfigValue.MapValue;

import java.util.List;

/**
 * A config file as the composer sees it.
 *
 * @param path          the config path, such as {@code db/mysql}
 * @param content       its content without the {@code defaults} key
 * @param defaults      its Defaults List (empty when it has none)
 * @param headerPackage the {@code # @package} of its header, or {@code null}
 */
record LoadedConfig(String path, MapValue content, List<DefaultsEntry> defaults, String headerPackage) {

    LoadedConfig {
        defaults = List.copyOf(defaults);
    }
}
