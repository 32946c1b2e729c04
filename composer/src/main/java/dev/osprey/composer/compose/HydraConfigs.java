package dev.osprey.composer.compose;

/**
 * Hydra 1.3.2's own config groups, shipped as YAML resources of this module, in the two places of
 * Hydra's search path where Hydra itself keeps them.
 *
 * <ul>
 *   <li>{@code first}: the groups Hydra ships as YAML files in its package {@code hydra.conf}
 *       ({@code hydra/output}, {@code hydra/help}, {@code hydra/hydra_help}, {@code hydra/hydra_logging},
 *       {@code hydra/job_logging}, {@code hydra/env}). Hydra's search path starts with them (provider
 *       {@code hydra}), so an app's file of the same path does not replace them.</li>
 *   <li>{@code last}: the configs Hydra and the hydra-optuna-sweeper plugin register as structured
 *       configs ({@code hydra/config}, {@code hydra/launcher/basic}, {@code hydra/sweeper/basic},
 *       {@code hydra/sweeper/optuna}, {@code hydra/sweeper/sampler/*}). They live in Hydra's config
 *       store, searched after the app's configs (provider {@code schema}), so an app may replace
 *       them with a file of the same path.</li>
 * </ul>
 *
 * An app's own options of these groups ({@code conf/hydra/job_logging/custom.yaml}) are listed and
 * selected like the shipped ones.
 *
 * @param first searched before the app's configs
 * @param last  searched after the app's configs and registered records
 */
record HydraConfigs(ConfigSource first, ConfigSource last) {

    /** The config that the root of a composition with Hydra's runtime starts with, at package {@code hydra}. */
    static final String ROOT_CONFIG = "hydra/config";

    /** The package of {@link #ROOT_CONFIG}: the key of the hydra node. */
    static final String PACKAGE = "hydra";

    private static final String RESOURCES = "dev/osprey/composer/compose/hydra";

    /** The configs shipped in this module's jar. */
    static HydraConfigs shipped() {
        ClassLoader loader = HydraConfigs.class.getClassLoader();
        return new HydraConfigs(new ClasspathSource(loader, RESOURCES + "/pkg"),
                new ClasspathSource(loader, RESOURCES + "/store"));
    }
}
