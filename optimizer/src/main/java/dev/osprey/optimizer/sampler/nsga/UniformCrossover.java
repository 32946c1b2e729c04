package dev.osprey.optimizer.sampler.nsga;

import java.util.SplittableRandom;

/**
 * Uniform crossover (Syswerda, "Uniform Crossover in Genetic Algorithms", ICGA 1989): each
 * parameter from the second parent with probability {@code 1 - swappingProb}, else from the first.
 */
public record UniformCrossover() implements Crossover {

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, double swappingProb, boolean multiObjective,
                          SplittableRandom rng) {
        double[] child = new double[bounds.length];
        for (int i = 0; i < child.length; i++) {
            child[i] = rng.nextDouble() < swappingProb ? parents[0][i] : parents[1][i];
        }
        return child;
    }
}
