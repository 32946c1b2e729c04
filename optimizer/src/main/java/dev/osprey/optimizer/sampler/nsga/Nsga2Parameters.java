package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.sampler.Sampler;

import java.util.OptionalDouble;

/**
 * The settings of the NSGA-II sampler, with Optuna 3.1's {@code NSGAIISampler} defaults
 * (population 50, uniform crossover, crossover probability 0.9, swapping probability 0.5, mutation
 * probability {@code 1 / n}): {@code Nsga2Parameters.defaults().withPopulationSize(20).build()}.
 * Parents are chosen by Deb's crowded tournament and the first generation is a Latin hypercube
 * unless {@link #withOptunaParity(boolean) Optuna parity} is asked for.
 *
 * @param populationSize how many trials form a generation, and how many survive into the parents
 *                       of the next; at least 2
 * @param mutationProb   the probability that a child's parameter is drawn afresh at random instead
 *                       of inherited; empty means {@code 1 / max(1, number of parameters)}
 * @param crossoverProb  the probability that a child mixes two parents rather than copying one
 * @param swappingProb   the probability that uniform crossover takes a parameter from the first
 *                       parent rather than the second (categorical parameters always cross so)
 * @param crossover      how numeric parameters are mixed: {@link UniformCrossover} (the default),
 *                       {@link BlxAlphaCrossover}, {@link SbxCrossover}, {@link VsbxCrossover},
 *                       {@link SpxCrossover} or {@link UndxCrossover}
 * @param optunaParity   false (the default) for Deb's crowded binary tournament (better rank, then
 *                       larger crowding distance) and a Latin hypercube first generation; true for
 *                       Optuna 3.1's tournament by domination alone and a random first generation
 */
public record Nsga2Parameters(int populationSize, OptionalDouble mutationProb, double crossoverProb,
                              double swappingProb, Crossover crossover, boolean optunaParity) {

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
        java.util.Objects.requireNonNull(crossover, "crossover");
        if (populationSize < crossover.parents()) {
            throw new IllegalArgumentException("populationSize must be at least the " + crossover.parents()
                    + " parents " + crossover + " needs, but got " + populationSize);
        }
    }

    /** Settings with Osprey's parent selection and first generation. */
    public Nsga2Parameters(int populationSize, OptionalDouble mutationProb, double crossoverProb, double swappingProb,
                           Crossover crossover) {
        this(populationSize, mutationProb, crossoverProb, swappingProb, crossover, false);
    }

    /** The settings before crossover was a choice: uniform crossover. */
    public Nsga2Parameters(int populationSize, OptionalDouble mutationProb, double crossoverProb, double swappingProb) {
        this(populationSize, mutationProb, crossoverProb, swappingProb, new UniformCrossover());
    }

    /** Population 50, mutation probability {@code 1 / n_params}, crossover probability 0.9, swapping probability 0.5. */
    public static Nsga2Parameters defaults() {
        return new Nsga2Parameters(50, OptionalDouble.empty(), 0.9, 0.5, new UniformCrossover(), false);
    }

    public Nsga2Parameters withPopulationSize(int populationSize) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb, crossover, optunaParity);
    }

    public Nsga2Parameters withMutationProb(double mutationProb) {
        return new Nsga2Parameters(populationSize, OptionalDouble.of(mutationProb), crossoverProb, swappingProb, crossover, optunaParity);
    }

    public Nsga2Parameters withCrossoverProb(double crossoverProb) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb, crossover, optunaParity);
    }

    public Nsga2Parameters withSwappingProb(double swappingProb) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb, crossover, optunaParity);
    }

    /** The same with another crossover for numeric parameters. */
    public Nsga2Parameters withCrossover(Crossover crossover) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb, crossover, optunaParity);
    }

    /**
     * The same with Optuna 3.1's parent selection and first generation ({@code true}), for
     * side-by-side comparisons, or Osprey's ({@code false}, the default).
     */
    public Nsga2Parameters withOptunaParity(boolean optunaParity) {
        return new Nsga2Parameters(populationSize, mutationProb, crossoverProb, swappingProb, crossover, optunaParity);
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
