/** Tests of CMA-ES: the model on the unit cube, and the sampler over studies. */
package dev.osprey.optimizer.sampler.cmaes;
