/**
 * The sampler contract kit, published in the optimizer's test-jar, and the samplers' tests.
 * {@link SamplerContract} holds the checks every {@link dev.osprey.optimizer.sampler.Sampler} must pass:
 * values stay in their distribution (bounds, log scale, step, integrality, choices), a seed reproduces a
 * study trial by trial, and the sampler works on an empty study, after many trials, with conditional
 * parameters and with a fixed search space; a sampler's test class extends it and implements
 * {@code sampler()}, and a sampler that only proposes points it was given (a grid) adapts the checks by
 * overriding {@code samplerFor}, {@code capacity} and {@code skipReason}. {@link SamplerCases} generates
 * the kit's seeded cases and {@link SampledValues} asserts on suggested values from each distribution's
 * definition. The test classes here run the kit for the random and grid samplers and for TPE in three
 * configurations.
 */
package dev.osprey.optimizer.sampler;
