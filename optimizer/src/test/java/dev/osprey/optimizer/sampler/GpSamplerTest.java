package dev.osprey.optimizer.sampler;

/** The sampler contract for the Gaussian-process sampler with its defaults. */
class GpSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.gp();
    }
}
