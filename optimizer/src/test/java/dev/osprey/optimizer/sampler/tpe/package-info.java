/**
 * Tests of TPE's parts: the index sort, the Gaussian tails, the Parzen estimator, the default rules and
 * the incremental history.
 */
package dev.osprey.optimizer.sampler.tpe;
