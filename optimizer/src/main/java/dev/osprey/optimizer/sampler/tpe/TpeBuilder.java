package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.sampler.Sampler;

import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Settings of the TPE sampler. {@link #defaults()} holds Osprey's defaults, which follow Optuna 5's
 * single-objective TPE (10 random startup trials, 24 expected-improvement candidates,
 * {@link TpeDefaults#GAMMA}, {@link TpeDefaults#WEIGHTS}, prior weight 1, magic clip on, endpoints
 * off, multivariate on for one objective and off for several, groups off, constant liar on, and
 * Optuna 5's kernel formulas) but for the {@linkplain #categoricalPriorWeight categorical prior
 * weight}; studies with several objectives are split and weighted as Optuna 3.1's MOTPE does (see
 * the sampler). {@link #optuna31()} is Optuna 3.1's {@code TPESampler()} to the formula, for
 * side-by-side comparisons with that version. docs/samplers-and-pruners.md lists each difference
 * with the measurement behind it.
 */
public final class TpeBuilder {

    private int nStartupTrials = 10;
    private int nEiCandidates = 24;
    private IntUnaryOperator gamma = TpeDefaults.GAMMA;
    private IntFunction<double[]> weights = TpeDefaults.WEIGHTS;
    private double priorWeight = 1.0;
    private double categoricalPriorWeight = 8.0;
    private boolean magicClip = true;
    private boolean endpoints = false;
    private boolean multivariate = true;
    private boolean multiObjectiveMultivariate = false;
    private boolean group = false;
    private boolean constantLiar = true;
    private boolean priorInBandwidths = false;
    private boolean scottBandwidth = false;
    private boolean unscaledDensity = false;
    private boolean logIntPointDensity = false;

    private TpeBuilder() {
    }

    /** A builder holding Osprey's defaults. */
    public static TpeBuilder defaults() {
        return new TpeBuilder();
    }

    /**
     * A builder holding Optuna 5's defaults: Osprey's, with categorical prior weight 1.0
     * (multi-objective studies still get Optuna 3.1's MOTPE split and weights).
     */
    public static TpeBuilder optunaDefaults() {
        return new TpeBuilder().categoricalPriorWeight(1.0);
    }

    /**
     * A builder holding Optuna 3.1's {@code TPESampler()}: its defaults (independent sampling, no
     * constant liar, categorical prior weight 1.0) and its kernel formulas, which later versions
     * changed: the prior's centre among the neighbour gaps, densities without {@code -log σ}, log
     * integers scored by their point density, and the Scott-like bandwidth when made multivariate.
     */
    public static TpeBuilder optuna31() {
        return new TpeBuilder().categoricalPriorWeight(1.0).multivariate(false).constantLiar(false)
                .priorInBandwidths(true).scottBandwidth(true).unscaledDensity(true).logIntPointDensity(true);
    }

    /**
     * Trials sampled at random before TPE starts modelling (counting COMPLETE and PRUNED trials;
     * COMPLETE ones only in studies with several objectives, whose model leaves PRUNED trials out).
     */
    public TpeBuilder nStartupTrials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("nStartupTrials must be >= 0, but got " + n);
        }
        this.nStartupTrials = n;
        return this;
    }

    /** Candidates drawn from the "good" density; the one with the best density ratio is proposed. */
    public TpeBuilder nEiCandidates(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("nEiCandidates must be >= 1, but got " + n);
        }
        this.nEiCandidates = n;
        return this;
    }

    /** How many of n finished trials are "good". */
    public TpeBuilder gamma(IntUnaryOperator gamma) {
        this.gamma = Objects.requireNonNull(gamma, "gamma");
        return this;
    }

    /** The weights of n observations, oldest first. */
    public TpeBuilder weights(IntFunction<double[]> weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        return this;
    }

    /** The weight of the prior kernel, relative to each observation's. */
    public TpeBuilder priorWeight(double priorWeight) {
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be a positive number, but got " + priorWeight);
        }
        this.priorWeight = priorWeight;
        return this;
    }

    /**
     * The mass {@code weight / (n + 1)} added to every choice of each categorical kernel ({@code n}
     * observations) before it is normalised. Optuna uses the prior weight (1.0) here; Osprey's
     * default is 8.0, which keeps exploring other choices once the good trials agree on one (on the
     * mixed-space {@code synthetic_train} benchmark, 50 seeds, it lowers the median regret after 100
     * trials from 0.0503 to 0.00614, Wilcoxon p = 0.0003; benchmarks/results/tpe-ablation.md).
     * {@link #optunaDefaults()} and {@link #optuna31()} set it to 1.0.
     */
    public TpeBuilder categoricalPriorWeight(double weight) {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("categoricalPriorWeight must be a positive number, but got " + weight);
        }
        this.categoricalPriorWeight = weight;
        return this;
    }

    /** Whether bandwidths are clipped below at {@code range / min(100, n + 2)}. */
    public TpeBuilder magicClip(boolean on) {
        this.magicClip = on;
        return this;
    }

    /** Whether the outermost observations' bandwidths also consider the distance to the range's ends. */
    public TpeBuilder considerEndpoints(boolean on) {
        this.endpoints = on;
        return this;
    }

    /**
     * Whether the parameters every trial shares are modelled jointly (one kernel per trial across
     * them). By default they are in single-objective studies and are not in multi-objective ones,
     * as in Optuna 5; this sets both.
     */
    public TpeBuilder multivariate(boolean on) {
        this.multivariate = on;
        this.multiObjectiveMultivariate = on;
        return this;
    }

    /** Whether conditional spaces are split into groups of parameters that always appear together (implies multivariate). */
    public TpeBuilder group(boolean on) {
        this.group = on;
        if (on) {
            this.multivariate = true;
            this.multiObjectiveMultivariate = true;
        }
        return this;
    }

    /** Whether running trials count as bad observations, so parallel workers do not propose the same point. */
    public TpeBuilder constantLiar(boolean on) {
        this.constantLiar = on;
        return this;
    }

    /**
     * Whether the prior's centre takes part in the neighbour-gap bandwidths as one more sorted point
     * (Optuna 3.x and early 4.x; off by default, as in Optuna 4.9 and 5).
     */
    public TpeBuilder priorInBandwidths(boolean on) {
        this.priorInBandwidths = on;
        return this;
    }

    /**
     * Whether multivariate sampling gives every observation's kernel the bandwidth
     * {@code 0.2 · n^(-1/(d+4)) · range} instead of its neighbour gap (Optuna 3.x and 4.x, after
     * BOHB; off by default, as in Optuna 5). It applies only when sampling is multivariate, then to
     * every estimator the sampler fits, the one-dimensional fallback's included.
     */
    public TpeBuilder scottBandwidth(boolean on) {
        this.scottBandwidth = on;
        return this;
    }

    /**
     * Whether continuous kernels' log densities leave out {@code -log σ}, as Optuna's truncated normal
     * did until 3.5 (off by default: the densities then integrate to one).
     */
    public TpeBuilder unscaledDensity(boolean on) {
        this.unscaledDensity = on;
        return this;
    }

    /**
     * Whether log-scaled integers are scored by the kernels' density at the value's log rather than
     * their mass on its cell (Optuna until 4.5; off by default).
     */
    public TpeBuilder logIntPointDensity(boolean on) {
        this.logIntPointDensity = on;
        return this;
    }

    public Sampler build() {
        if (group && !multivariate) {
            throw new IllegalStateException("group decomposition needs multivariate sampling; do not turn it off");
        }
        return new TpeSampler(new TpeSettings(nStartupTrials, nEiCandidates, gamma, weights, priorWeight, categoricalPriorWeight,
                magicClip, endpoints, multivariate, multiObjectiveMultivariate, group, constantLiar,
                new KernelRules(priorInBandwidths, scottBandwidth && multivariate, unscaledDensity, logIntPointDensity)));
    }
}
