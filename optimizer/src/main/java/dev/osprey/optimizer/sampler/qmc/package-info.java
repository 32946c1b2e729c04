/**
 * Quasi-Monte Carlo sampling: points of a low-discrepancy sequence, which cover the search space
 * more evenly than random points do, as Optuna's {@code QMCSampler}. {@link QmcBuilder} holds the
 * settings ({@link QmcType#SOBOL} or {@link QmcType#HALTON}, scrambled or not) and builds the
 * package-private {@code QmcSampler}, which gives trial {@code n} point {@code n} of the sequence;
 * {@code SobolSequence} (Joe and Kuo's direction numbers, read from this package's resource
 * {@code new-joe-kuo-6.21201.txt}) and {@code HaltonSequence} compute any point directly from its
 * index. Users get the sampler through {@link dev.osprey.optimizer.sampler.Samplers#qmc()} or
 * {@link dev.osprey.optimizer.sampler.Samplers#qmcBuilder()}.
 */
package dev.osprey.optimizer.sampler.qmc;
