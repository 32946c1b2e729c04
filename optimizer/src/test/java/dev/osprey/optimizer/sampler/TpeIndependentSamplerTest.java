package dev.osprey.optimizer.sampler;

/** The sampler contract for TPE modelling each parameter on its own. */
class TpeIndependentSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.tpeBuilder().multivariate(false).build();
    }
}
