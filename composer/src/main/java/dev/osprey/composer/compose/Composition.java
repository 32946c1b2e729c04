package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.value.ConfigValue.MapValue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of composing: the config, the final Defaults List and the choice of every Group Default.
 *
 * @param config   the composed config, in struct mode, interpolations unresolved (its getters resolve
 *                 them when read, with the standard resolvers)
 * @param defaults the configs merged, in order
 * @param choices  Group Default key to selected option ({@code null} when nothing is selected), in
 *                 key order; with {@link Composer#withHydraRuntime()} Hydra's groups too
 *                 ({@code hydra/sweeper}, {@code hydra/job_logging}, ...), as Hydra records them in
 *                 {@code hydra.runtime.choices}
 * @since 0.1
 */
public record Composition(Config config, List<ComposedDefault> defaults, Map<String, String> choices) {

    public Composition {
        defaults = List.copyOf(defaults);
        choices = Collections.unmodifiableMap(new TreeMap<>(choices));
    }

    /** The key of the node that holds Hydra's own settings when composing with Hydra's runtime. */
    public static final String HYDRA_NODE = HydraConfigs.PACKAGE;

    /**
     * The job's view of the config: {@link #config()} without its top-level {@code hydra} node, as
     * Hydra gives its task function (the task config never holds {@code hydra}; a Hydra app reads it
     * through {@code HydraConfig.get()} instead). Without a {@code hydra} key this is {@link #config()}.
     * Interpolations stay unresolved; one that points into the {@code hydra} node (such as
     * {@code ${hydra.job.name}}) fails when read from this view, as it does in Hydra.
     *
     * @since 0.2
     */
    public Config jobConfig() {
        return config.has(HYDRA_NODE) ? config.delete(HYDRA_NODE) : config;
    }

    /**
     * The {@code hydra} node as composed, interpolations unresolved ({@code ${now:...}},
     * {@code ${hydra.job.num}}); empty without one. Read single values resolved through
     * {@code config().get("hydra.sweeper.n_trials")}.
     *
     * @since 0.2
     */
    public Optional<MapValue> hydraNode() {
        return config.find(HYDRA_NODE).filter(MapValue.class::isInstance).map(MapValue.class::cast);
    }

    /**
     * The option selected for the Group Default {@code key} ({@code db}, {@code hydra/sweeper},
     * {@code hydra/sweeper/sampler}); empty when the group was not in the Defaults List or selects
     * nothing ({@code null}). For a list of options, the list as text ({@code [a, b]}).
     *
     * @since 0.2
     */
    public Optional<String> choice(String key) {
        return Optional.ofNullable(choices.get(key));
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

    /**
     * {@link #jobConfig()} with every interpolation resolved by {@code resolvers}: what the job of a
     * Hydra app is given. Use it rather than {@link #resolvedConfig(Resolvers)} when composing with
     * {@link Composer#withHydraRuntime()}: the hydra node refers to values Hydra fills in only while a
     * job runs ({@code ${hydra.runtime.output_dir}} is {@code ???}), so it cannot be resolved as a whole.
     *
     * @throws InterpolationException naming the interpolation and the key that holds it
     * @since 0.2
     */
    public Config resolvedJobConfig(Resolvers resolvers) {
        return jobConfig().resolve(resolvers);
    }
}
