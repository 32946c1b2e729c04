/** Tests of the Gaussian-process sampler's model, acquisition and orchestration. */
package dev.osprey.optimizer.sampler.gp;
