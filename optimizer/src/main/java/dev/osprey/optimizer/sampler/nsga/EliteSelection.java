package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;
import java.util.SplittableRandom;

/** How a genetic sampler picks the parents of the next generation from a pool of trials. */
interface EliteSelection {

    /**
     * The {@code size} survivors of {@code pool} (all of it if it is no larger).
     *
     * @param rng seeded by study and generation, so every worker selects alike
     */
    List<TrialRecord> select(List<TrialRecord> pool, int size, List<Direction> directions, boolean constrained,
                             SplittableRandom rng);
}
