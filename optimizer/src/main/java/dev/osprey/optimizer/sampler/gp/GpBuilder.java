package dev.osprey.optimizer.sampler.gp;

import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;

import java.util.Objects;

/**
 * Settings of the Gaussian-process sampler. The defaults follow Optuna's {@code GPSampler}: 10
 * random startup trials, a noisy objective, random sampling for parameters outside the shared
 * search space. The randomness comes from the study's seed and the trial number, as for every
 * Osprey sampler.
 */
public final class GpBuilder {

    /** The most trials the GP is fitted to; beyond, the best half and the most recent others are kept. */
    static final int DEFAULT_MAX_OBSERVATIONS = 200;

    private int nStartupTrials = 10;
    private boolean deterministicObjective = false;
    private Sampler independentSampler = Samplers.random();
    private int maxObservations = DEFAULT_MAX_OBSERVATIONS;

    private GpBuilder() {
    }

    /** A builder holding the defaults. */
    public static GpBuilder defaults() {
        return new GpBuilder();
    }

    /** COMPLETE trials sampled by the independent sampler before the GP starts modelling. */
    public GpBuilder nStartupTrials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("nStartupTrials must be >= 0, but got " + n);
        }
        this.nStartupTrials = n;
        return this;
    }

    /**
     * Whether the objective returns the same value for the same parameters: the noise variance is
     * then fixed at a tiny floor instead of being fitted, and the GP interpolates the values.
     */
    public GpBuilder deterministicObjective(boolean on) {
        this.deterministicObjective = on;
        return this;
    }

    /** The sampler for the startup trials and for parameters outside the space every trial shares. */
    public GpBuilder independentSampler(Sampler sampler) {
        this.independentSampler = Objects.requireNonNull(sampler, "independentSampler");
        return this;
    }

    /**
     * The most trials the GP is fitted to (default 200): each proposal costs {@code O(n³)} in
     * them, so a longer history keeps its best half and its most recent others.
     */
    public GpBuilder maxObservations(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("maxObservations must be >= 2, but got " + n);
        }
        this.maxObservations = n;
        return this;
    }

    public Sampler build() {
        return new GpSampler(new GpSettings(nStartupTrials, deterministicObjective, independentSampler,
                maxObservations, 1024, 8));
    }
}
