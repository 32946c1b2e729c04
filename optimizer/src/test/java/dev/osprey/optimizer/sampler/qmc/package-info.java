/** Tests of the QMC sampler's sequences, against SciPy's where SciPy defines them. */
package dev.osprey.optimizer.sampler.qmc;
