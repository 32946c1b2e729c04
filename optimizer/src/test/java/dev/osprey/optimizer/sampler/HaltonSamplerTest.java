package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.qmc.QmcType;

/** The sampler contract for the QMC sampler over a scrambled Halton sequence. */
class HaltonSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.qmcBuilder().type(QmcType.HALTON).build();
    }
}
