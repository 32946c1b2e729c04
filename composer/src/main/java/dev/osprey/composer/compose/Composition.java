package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;

import java.util.List;
import java.util.Map;

/**
 * The result of composing: the config, the final Defaults List and the choice of every Group Default.
 *
 * @param config   the composed config, in struct mode, interpolations unresolved
 * @param defaults the configs merged, in order
 * @param choices  Group Default key to selected option ({@code null} when nothing is selected), in
 *                 key order
 * @since 0.1
 */
public record Composition(Config config, List<ComposedDefault> defaults, Map<String, String> choices) {

    public Composition {
        defaults = List.copyOf(defaults);
        choices = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(choices));
    }
}
