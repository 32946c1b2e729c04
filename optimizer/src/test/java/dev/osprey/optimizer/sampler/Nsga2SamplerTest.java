package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.nsga.Nsga2Parameters;

import java.util.Optional;

/**
 * The sampler contract for NSGA-II with generations of 5 trials, so that most checks run past
 * the random first generation.
 */
class Nsga2SamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.nsga2(Nsga2Parameters.defaults().withPopulationSize(5));
    }

    @Override
    protected Optional<String> skipReason(Check check) {
        return check == Check.MANY_TRIALS
                ? Optional.of("a child repeats a parent when crossover takes every parameter from one and none"
                        + " mutates, as in Optuna's NSGA-II")
                : Optional.empty();
    }
}
