package dev.osprey.optimizer.sampler.cmaes;

import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Settings of the CMA-ES sampler, with Optuna's {@code CmaEsSampler} defaults: one random startup
 * trial, mean at the centre of the (unit-scaled) space, step size {@code 1/6}, population
 * {@code 4 + floor(3 ln n)}, no restarts, full covariance, no learning-rate adaptation, no margin.
 * {@code Samplers.cmaesBuilder().restartStrategy(RestartStrategy.IPOP).build()}. Checks that the
 * options combine as Optuna allows when {@link #build()} is called.
 */
public final class CmaesBuilder {

    private OptionalDouble sigma0 = OptionalDouble.empty();
    private OptionalInt popsize = OptionalInt.empty();
    private RestartStrategy restartStrategy = RestartStrategy.NONE;
    private int incPopsize = 2;
    private boolean separable;
    private boolean lrAdapt;
    private boolean withMargin;
    private List<TrialRecord> sourceTrials = List.of();
    private int nStartupTrials = 1;

    private CmaesBuilder() {
    }

    /** A builder holding Optuna's defaults. */
    public static CmaesBuilder defaults() {
        return new CmaesBuilder();
    }

    /** The initial step size, on the scale where every parameter's range is {@code [0, 1]} (default 1/6). */
    public CmaesBuilder sigma0(double sigma0) {
        if (!(sigma0 > 0) || !Double.isFinite(sigma0)) {
            throw new IllegalArgumentException("sigma0 must be a positive number, but got " + sigma0);
        }
        this.sigma0 = OptionalDouble.of(sigma0);
        return this;
    }

    /** Trials per generation (default {@code 4 + floor(3 ln n)} for n parameters); at least 2. */
    public CmaesBuilder popsize(int popsize) {
        if (popsize < 2) {
            throw new IllegalArgumentException("popsize must be >= 2 (CMA-ES ranks a generation), but got " + popsize);
        }
        this.popsize = OptionalInt.of(popsize);
        return this;
    }

    /** What to do once a run converges (default {@link RestartStrategy#NONE}). */
    public CmaesBuilder restartStrategy(RestartStrategy restartStrategy) {
        this.restartStrategy = Objects.requireNonNull(restartStrategy, "restartStrategy");
        return this;
    }

    /** The factor by which IPOP and BIPOP grow the population at a restart (default 2). */
    public CmaesBuilder incPopsize(int incPopsize) {
        if (incPopsize < 1) {
            throw new IllegalArgumentException("incPopsize must be >= 1, but got " + incPopsize);
        }
        this.incPopsize = incPopsize;
        return this;
    }

    /** Whether to use sep-CMA-ES, with a diagonal covariance (Optuna's {@code use_separable_cma}). */
    public CmaesBuilder separable(boolean separable) {
        this.separable = separable;
        return this;
    }

    /** Whether to adapt the learning rates, for noisy objectives (Optuna's {@code lr_adapt}). */
    public CmaesBuilder lrAdapt(boolean lrAdapt) {
        this.lrAdapt = lrAdapt;
        return this;
    }

    /** Whether to keep integer and stepped parameters from stagnating, by CMA-ES with margin (Optuna's {@code with_margin}). */
    public CmaesBuilder withMargin(boolean withMargin) {
        this.withMargin = withMargin;
        return this;
    }

    /**
     * Finished trials of a similar earlier study to start from (WS-CMA-ES; Optuna's
     * {@code source_trials}): its COMPLETE trials with the same parameters and distributions set the
     * initial distribution. Their values are read in this study's direction.
     */
    public CmaesBuilder sourceTrials(List<TrialRecord> sourceTrials) {
        this.sourceTrials = List.copyOf(Objects.requireNonNull(sourceTrials, "sourceTrials"));
        return this;
    }

    /** Trials drawn at random before CMA-ES starts (default 1: the first trial defines the space). */
    public CmaesBuilder nStartupTrials(int nStartupTrials) {
        if (nStartupTrials < 0) {
            throw new IllegalArgumentException("nStartupTrials must be >= 0, but got " + nStartupTrials);
        }
        this.nStartupTrials = nStartupTrials;
        return this;
    }

    /** A sampler with these settings. */
    public Sampler build() {
        if (lrAdapt && (separable || withMargin)) {
            throw new IllegalArgumentException("lrAdapt cannot be combined with " + (separable ? "separable" : "withMargin")
                    + " (as in Optuna): choose one");
        }
        if (separable && withMargin) {
            throw new IllegalArgumentException("separable cannot be combined with withMargin (as in Optuna): choose one");
        }
        if (!sourceTrials.isEmpty() && (separable || sigma0.isPresent())) {
            throw new IllegalArgumentException("sourceTrials (warm start) set the initial distribution and cannot be"
                    + " combined with " + (separable ? "separable" : "sigma0") + " (as in Optuna)");
        }
        return new CmaesSampler(new CmaesOptions(sigma0, popsize, restartStrategy, incPopsize, separable, lrAdapt,
                withMargin, sourceTrials, nStartupTrials));
    }
}
