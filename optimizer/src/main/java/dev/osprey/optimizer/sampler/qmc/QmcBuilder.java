package dev.osprey.optimizer.sampler.qmc;

import dev.osprey.optimizer.sampler.Sampler;

import java.util.Objects;

/**
 * Settings of the quasi-Monte Carlo sampler, with Optuna's {@code QMCSampler} defaults: a scrambled
 * Sobol sequence. {@code Samplers.qmcBuilder().type(QmcType.HALTON).build()}. The scrambling draws
 * from the study's seed, so a seeded study gets the same design on every run and every worker.
 */
public final class QmcBuilder {

    private QmcType type = QmcType.SOBOL;
    private boolean scramble = true;

    private QmcBuilder() {
    }

    /** A builder holding the defaults: scrambled Sobol. */
    public static QmcBuilder defaults() {
        return new QmcBuilder();
    }

    /** The sequence: {@link QmcType#SOBOL} (default) or {@link QmcType#HALTON}. */
    public QmcBuilder type(QmcType type) {
        this.type = Objects.requireNonNull(type, "type");
        return this;
    }

    /**
     * Whether to scramble the sequence (default true): Owen's scrambling for Sobol, random digit
     * permutations for Halton. Unscrambled sequences start at the origin and are the same for every seed.
     */
    public QmcBuilder scramble(boolean scramble) {
        this.scramble = scramble;
        return this;
    }

    /** A sampler with these settings. */
    public Sampler build() {
        return new QmcSampler(type, scramble);
    }
}
