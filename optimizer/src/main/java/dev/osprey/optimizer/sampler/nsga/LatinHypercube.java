package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.internal.UnitScale;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;

import java.util.SplittableRandom;

/**
 * Latin hypercube sampling of the first generation (McKay, Beckman and Conover, Technometrics
 * 21(2), 1979): each numeric parameter's range is cut into as many equal strata as the population
 * has members, and each member of generation 0 takes its own stratum, at a random point inside it.
 * The stratum of trial {@code n} for a parameter is {@code n}'s place in a permutation drawn from
 * the study seed and the parameter's name, so any worker, and a resumed study, gives a trial the
 * same value with nothing stored; parameters need not be known beforehand. The population spreads
 * over each parameter's range rather than clumping as independent draws do, which widens the first
 * front. Categorical parameters are drawn at random.
 */
final class LatinHypercube {

    private final int populationSize;

    LatinHypercube(int populationSize) {
        this.populationSize = populationSize;
    }

    /** Whether {@code trialNumber} belongs to generation 0 and {@code distribution} is stratified. */
    boolean covers(int trialNumber, Distribution distribution) {
        return trialNumber < populationSize && !(distribution instanceof CategoricalDistribution)
                && !distribution.isSingle();
    }

    /** The internal value of {@code name} for a generation-0 trial. */
    double value(long seed, int trialNumber, String name, Distribution distribution) {
        int[] strata = new int[populationSize];
        for (int i = 0; i < populationSize; i++) {
            strata[i] = i;
        }
        SplittableRandom shuffle = Rngs.forTrial(seed, 0, "nsga-lhs:" + name);
        for (int i = populationSize - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = strata[i];
            strata[i] = strata[j];
            strata[j] = t;
        }
        double u = (strata[trialNumber] + Rngs.forTrial(seed, trialNumber, "nsga-lhs:" + name).nextDouble())
                / populationSize;
        return new UnitScale(distribution, true).fromUnit(u);
    }
}
