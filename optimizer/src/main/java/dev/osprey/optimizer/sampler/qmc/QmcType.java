package dev.osprey.optimizer.sampler.qmc;

/** The low-discrepancy sequence a QMC sampler follows. */
public enum QmcType {
    /** The Sobol sequence with Joe and Kuo's direction numbers (Optuna's default). */
    SOBOL,
    /** The Halton sequence over the first primes. */
    HALTON
}
