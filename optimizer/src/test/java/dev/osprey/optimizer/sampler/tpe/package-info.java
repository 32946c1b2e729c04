/**
 * Tests of TPE's parts: the index sort, the Gaussian tails, the Parzen estimator, the default rules and
 * the incremental history; for several objectives, the non-dominated sort, the hypervolume and its
 * subset selection against hand-computed cases, the Pareto split and its weights, and multi-objective
 * TPE end to end against random search on ZDT1.
 */
package dev.osprey.optimizer.sampler.tpe;
