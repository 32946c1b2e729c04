/**
 * Gaussian-process Bayesian optimisation: {@code GpSampler} orchestrates (which trials, which
 * search space, fallbacks, running trials); {@code MaternKernel}, {@code GpPrior},
 * {@code HyperparameterFit} and {@code GaussianProcess} are the model; {@code LogEi} and
 * {@code AcquisitionSearch} the acquisition and its optimiser. Built with {@link
 * dev.osprey.optimizer.sampler.gp.GpBuilder}.
 */
package dev.osprey.optimizer.sampler.gp;
