package dev.osprey.optimizer.sampler.gp;

import dev.osprey.optimizer.sampler.Sampler;

/** The settings of a GP sampler; see {@link GpBuilder} for their meaning and defaults. */
record GpSettings(
        int nStartupTrials,
        boolean deterministicObjective,
        Sampler independentSampler,
        int maxObservations,
        int preliminarySamples,
        int localSearches) {
}
