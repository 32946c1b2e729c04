package dev.osprey.optimizer.sampler;

/** The sampler contract for TPE with its defaults (multivariate, constant liar). */
class TpeSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.tpe();
    }
}
