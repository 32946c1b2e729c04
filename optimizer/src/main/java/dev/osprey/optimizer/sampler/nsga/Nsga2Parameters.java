package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.sampler.Sampler;

import java.util.OptionalDouble;

/**
 * The settings of the NSGA-II sampler, with Optuna 3.1's {@code NSGAIISampler} defaults:
 * {@code Nsga2Parameters.defaults().withPopulationSize(20).build()}.
 *
 * @param populationSize how many trials form a generation, and how many survive into the parents
 *                       of the next; at least 2
 * @param mutationProb   the probability that a child's parameter is drawn afresh at random instead
 *                       of inherited; empty means {@code 1 / max(1, number of parameters)}
 * @param crossoverProb  the probability that a child mixes two parents rather than copying one
 * @param swappingProb   the probability that uniform crossover takes a parameter from the second
 *                       parent rather than the first
 */
public record Nsga2Parameters(int populationSize, OptionalDouble mutationProb, double crossoverProb,
                              double swappingProb) {

    public Nsga2Parameters {
        if (populationSize < 2) {
            throw new IllegalArgumentException("populationSize must be >= 2 (crossover needs two parents), but got "
                    + populationSize);
        }
        if (mutationProb.isPresent()) {
            requireProbability("mutationProb", mutationProb.getAsDouble());
        }
        requireProbability("crossoverProb", crossoverProb);
        requireProbability("swappingProb", swappingProb);
    }

    /** Population 50, mutation probability {@code 1 / n_params}, crossover probability 0.9, swapping probability 0.5. */
    public static Nsga2Parameters defaults() {
        return new Nsga2Parameters(50, OptionalDouble.empty(), 0.9, 0.5);
    }

    public Nsga2Parameters withPopulationSize(int populationSize) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb);
    }

    public Nsga2Parameters withMutationProb(double mutationProb) {
        return new Nsga2Parameters(populationSize, OptionalDouble.of(mutationProb), crossoverProb, swappingProb);
    }

    public Nsga2Parameters withCrossoverProb(double crossoverProb) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb);
    }

    public Nsga2Parameters withSwappingProb(double swappingProb) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb);
    }

    /** A sampler with these settings. */
    public Sampler build() {
        return new Nsga2Sampler(this);
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], but got " + p);
        }
    }
}
