package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.Samplers;

/** The sampler contract for TPE with its defaults (multivariate, constant liar). */
class TpeSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.tpe();
    }
}
