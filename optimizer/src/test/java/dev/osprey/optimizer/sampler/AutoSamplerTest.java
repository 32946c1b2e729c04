package dev.osprey.optimizer.sampler;

/** The sampler contract for the automatic sampler with its defaults. */
class AutoSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.auto();
    }
}
