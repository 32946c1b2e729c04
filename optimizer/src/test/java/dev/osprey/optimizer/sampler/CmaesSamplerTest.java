package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.cmaes.RestartStrategy;

/**
 * The sampler contract for CMA-ES with generations of 4 trials and IPOP restarts, so that most
 * checks run several generations past the random first trial.
 */
class CmaesSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.cmaesBuilder().popsize(4).restartStrategy(RestartStrategy.IPOP).build();
    }
}
