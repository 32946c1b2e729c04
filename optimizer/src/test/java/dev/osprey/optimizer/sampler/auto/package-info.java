/** Tests of the automatic sampler's rule and delegation. */
package dev.osprey.optimizer.sampler.auto;
