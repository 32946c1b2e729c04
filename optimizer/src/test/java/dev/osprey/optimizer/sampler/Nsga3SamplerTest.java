package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.nsga.Nsga2Parameters;
import dev.osprey.optimizer.sampler.nsga.Nsga3Parameters;
import dev.osprey.optimizer.sampler.nsga.SbxCrossover;

import java.util.Optional;

/** The sampler contract for NSGA-III with generations of 5 trials and SBX crossover. */
class Nsga3SamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.nsga3(Nsga3Parameters.defaults().withGenetic(
                Nsga2Parameters.defaults().withPopulationSize(5).withCrossover(new SbxCrossover())));
    }

    @Override
    protected Optional<String> skipReason(Check check) {
        return check == Check.MANY_TRIALS
                ? Optional.of("a child repeats a parent when it copies one and none of its parameters mutates,"
                        + " as in Optuna's genetic samplers")
                : Optional.empty();
    }
}
