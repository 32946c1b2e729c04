/**
 * NSGA-II, the elitist multi-objective genetic algorithm of Deb et al. (IEEE TEVC 6(2), 2002), as
 * Optuna 3.1's {@code NSGAIISampler} does it with uniform crossover. {@link Nsga2Parameters} holds
 * the settings (Optuna's defaults: population 50, crossover probability 0.9, swapping probability
 * 0.5, mutation probability {@code 1 / n_params}) and builds the package-private
 * {@code Nsga2Sampler}, which makes each trial a child of its generation's parents;
 * {@code Generations} derives the generations from trial numbers and their parents from the study's
 * trials, and {@code Survival} is the non-dominated sort and crowding-distance selection. Users get
 * the sampler through {@link dev.osprey.optimizer.sampler.Samplers#nsga2()} or
 * {@link dev.osprey.optimizer.sampler.Samplers#nsga2(Nsga2Parameters)}.
 */
package dev.osprey.optimizer.sampler.nsga;
