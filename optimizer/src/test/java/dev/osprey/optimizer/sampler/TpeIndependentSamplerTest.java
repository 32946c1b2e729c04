package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.Samplers;

/** The sampler contract for TPE modelling each parameter on its own. */
class TpeIndependentSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.tpeBuilder().multivariate(false).build();
    }
}
