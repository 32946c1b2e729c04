package dev.osprey.optimizer.sampler.cmaes;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The validated settings a {@link CmaesBuilder} hands to the sampler. */
record CmaesOptions(OptionalDouble sigma0, OptionalInt popsize, RestartStrategy restartStrategy, int incPopsize,
                    boolean separable, boolean lrAdapt, boolean withMargin, List<TrialRecord> sourceTrials,
                    int nStartupTrials) {

    /** The population for {@code n} parameters: the one set, or {@code 4 + floor(3 ln n)}. */
    int popsizeFor(int n) {
        return popsize.orElse(4 + (int) Math.floor(3 * Math.log(n)));
    }
}
