package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.interpolation.Resolvers;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of composing: the config, the final Defaults List and the choice of every Group Default.
 *
 * @param config   the composed config, in struct mode, interpolations unresolved (its getters resolve
 *                 them when read, with the standard resolvers)
 * @param defaults the configs merged, in order
 * @param choices  Group Default key to selected option ({@code null} when nothing is selected), in
 *                 key order
 * @since 0.1
 */
public record Composition(Config config, List<ComposedDefault> defaults, Map<String, String> choices) {

    public Composition {
        defaults = List.copyOf(defaults);
        choices = Collections.unmodifiableMap(new TreeMap<>(choices));
    }

    /**
     * The config with every interpolation resolved by {@code resolvers}: what a job is given and what
     * its directory records. Build the resolvers with the job's runtime values, for example
     * {@code Resolvers.standard().withRuntimeValues(Map.of("job.num", 3, "output_dir", dir))}.
     *
     * @throws InterpolationException naming the interpolation and the key that holds it
     */
    public Config resolvedConfig(Resolvers resolvers) {
        return config.resolve(resolvers);
    }
}
