package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.Samplers;

/** The sampler contract for TPE modelling groups of parameters that always appear together. */
class TpeGroupSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.tpeBuilder().group(true).build();
    }
}
