/**
 * How trials get their parameter values. A {@link Sampler} is called through a trial's life: when it
 * starts, at its first suggestion (joint sampling of the search space every trial shares), for each
 * parameter outside that joint sample, and when it ends; {@link Samplers} makes the built-in ones,
 * {@link Samplers#tpe()} (in {@link dev.osprey.optimizer.sampler.tpe}), {@link Samplers#nsga2()} (in
 * {@link dev.osprey.optimizer.sampler.nsga}), {@link Samplers#cmaes()} (in {@link dev.osprey.optimizer.sampler.cmaes}),
 * {@link Samplers#qmc()} (in {@link dev.osprey.optimizer.sampler.qmc}), {@link Samplers#random()} and
 * {@link Samplers#grid(java.util.Map)}, whose implementations are package-private. Samplers see a study
 * only through {@link dev.osprey.optimizer.trial.StudyView}, work on internal representations, and draw
 * every random number from a generator derived from the study seed and the trial number
 * ({@code dev.osprey.optimizer.internal.Rngs}), so that a seeded study proposes the same trials at any
 * parallelism; the grid sampler claims each point through the storage, so that concurrent workers never
 * evaluate a point twice.
 */
package dev.osprey.optimizer.sampler;
