package dev.osprey.optimizer.sampler;

/** The sampler contract for the default QMC sampler (scrambled Sobol). */
class QmcSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.qmc();
    }
}
