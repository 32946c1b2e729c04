/**
 * The genetic samplers: NSGA-II (Deb et al., IEEE TEVC 6(2), 2002) and NSGA-III (Deb and Jain,
 * IEEE TEVC 18(4), 2014), as Optuna's {@code NSGAIISampler} and {@code NSGAIIISampler} do them.
 * {@link Nsga2Parameters} and {@link Nsga3Parameters} hold the settings (Optuna's defaults:
 * population 50, crossover probability 0.9, swapping probability 0.5, mutation probability
 * {@code 1 / n_params}, dividing parameter 3) and build the package-private {@code Nsga2Sampler},
 * which makes each trial a child of its generation's parents through a {@link Crossover} in the
 * transformed space of {@code ChildSpace}; {@code Generations} derives the generations from trial
 * numbers and their parents from the study's trials, through an {@code EliteSelection}: NSGA-II's
 * {@code Survival} (non-dominated sort and crowding distance) or NSGA-III's {@code Nsga3Survival}
 * (niching around {@code ReferencePoints}). Both rank by constrained domination in a constrained
 * study. Parents are picked by {@code CrowdedTournament} (Deb's crowded comparison) and the first
 * generation is a {@code LatinHypercube}, unless the settings ask for Optuna 3.1's tournament and
 * random start ({@link Nsga2Parameters#withOptunaParity(boolean)}). Users get the samplers through {@link dev.osprey.optimizer.sampler.Samplers#nsga2()} and
 * {@link dev.osprey.optimizer.sampler.Samplers#nsga3()}.
 */
package dev.osprey.optimizer.sampler.nsga;
