/**
 * Pareto-front measures shared by the samplers, the study's results and the benchmarks:
 * {@link dev.osprey.optimizer.pareto.Hypervolume}, exact in any number of objectives.
 */
package dev.osprey.optimizer.pareto;
