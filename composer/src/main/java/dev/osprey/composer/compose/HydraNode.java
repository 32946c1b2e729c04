package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;

/**
 * What Hydra writes into the hydra node once the config is composed, as far as it is known without
 * running a job: {@code hydra.job.config_name} (always the primary config's name, even if an override
 * set it) and {@code hydra.job.name} when it is still {@code ???}.
 */
final class HydraNode {

    private HydraNode() {
    }

    static Config afterComposition(Config config, String configName, String jobName) {
        if (!config.has("hydra.job")) {
            return config; // the node was deleted on purpose (~hydra.job); Hydra would fail later
        }
        Config out = config.change("hydra.job.config_name", configName);
        if (jobName != null && out.isMissing("hydra.job.name")) {
            out = out.change("hydra.job.name", jobName);
        }
        return out;
    }
}
