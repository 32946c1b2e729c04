package dev.osprey.optimizer.sampler.nsga;

import java.util.SplittableRandom;

/**
 * How NSGA-II mixes its parents' numeric parameters into a child, as Optuna's crossovers do: in a
 * space where log-scaled parameters are logarithms and the bounds of integer and stepped ones
 * widen by half a step. Categorical parameters always take uniform crossover between the first and
 * the last parent.
 */
public sealed interface Crossover
        permits UniformCrossover, BlxAlphaCrossover, SbxCrossover, VsbxCrossover, SpxCrossover, UndxCrossover {

    /** How many parents a child needs. */
    int parents();

    /**
     * One child.
     *
     * @param parents        {@code [parent][dimension]}, {@link #parents()} rows in the transformed space
     * @param bounds         {@code [dimension][2]}: each dimension's low and high in that space
     * @param swappingProb   the sampler's swapping probability (uniform crossover's)
     * @param multiObjective whether the study has several objectives (SBX's default {@code eta} depends on it)
     */
    double[] cross(double[][] parents, double[][] bounds, double swappingProb, boolean multiObjective,
                   SplittableRandom rng);
}
