package dev.osprey.optimizer.pruner;

import java.util.Optional;
import java.util.OptionalInt;

/** Factories for the pruners that come with Osprey. */
public final class Pruners {

    private Pruners() {
    }

    /** Never prunes. */
    public static Pruner none() {
        return new NopPruner();
    }

    /** Optuna's default: prune when the best value so far is worse than the median of completed trials at that step. */
    public static Pruner median() {
        return median(5, 0, 1);
    }

    /** The median pruner with its startup trials, warm-up steps and check interval. */
    public static Pruner median(int nStartupTrials, int nWarmupSteps, int intervalSteps) {
        return new PercentilePruner(50, nStartupTrials, nWarmupSteps, intervalSteps, 1);
    }

    /** Prune when the best value so far is worse than the {@code percentile}-th percentile of completed trials at that step. */
    public static Pruner percentile(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps,
                                    int nMinTrials) {
        return new PercentilePruner(percentile, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    }

    /**
     * Asynchronous successive halving with Optuna's defaults: an automatic minimum resource,
     * reduction factor 4, minimum early-stopping rate 0, no bootstrap.
     */
    public static Pruner successiveHalving() {
        return successiveHalvingWithAutoMinResource(4, 0);
    }

    /**
     * Asynchronous successive halving (ASHA): rung {@code k} sits at step
     * {@code minResource * reductionFactor^(minEarlyStoppingRate + k)}, and a trial reaching it goes
     * on only if its value is in the top {@code 1/reductionFactor} of the values recorded there.
     * Trials are pruned at a rung until more than {@code bootstrapCount} trials have reached it.
     */
    public static Pruner successiveHalving(int minResource, int reductionFactor, int minEarlyStoppingRate,
                                           int bootstrapCount) {
        return new SuccessiveHalvingPruner(OptionalInt.of(minResource), reductionFactor, minEarlyStoppingRate,
                bootstrapCount);
    }

    /**
     * Asynchronous successive halving whose minimum resource is estimated as
     * {@code max(1, maxLastStep / 100)} from the first COMPLETE trials; nothing is pruned before one completes.
     */
    public static Pruner successiveHalvingWithAutoMinResource(int reductionFactor, int minEarlyStoppingRate) {
        return new SuccessiveHalvingPruner(OptionalInt.empty(), reductionFactor, minEarlyStoppingRate, 0);
    }

    /**
     * Hyperband with Optuna's defaults: minimum resource 1, an automatic maximum resource (the
     * last step of the first COMPLETE trials plus one), reduction factor 3.
     */
    public static Pruner hyperband() {
        return hyperbandWithAutoMaxResource(1, 3);
    }

    /** Hyperband over steps {@code minResource..maxResource}: one successive-halving bracket per early-stopping rate. */
    public static Pruner hyperband(int minResource, int maxResource, int reductionFactor) {
        return hyperband(minResource, maxResource, reductionFactor, 0);
    }

    /** Hyperband whose bracket pruners prune at a rung until more than {@code bootstrapCount} trials reached it. */
    public static Pruner hyperband(int minResource, int maxResource, int reductionFactor, int bootstrapCount) {
        return new HyperbandPruner(minResource, OptionalInt.of(maxResource), reductionFactor, bootstrapCount);
    }

    /**
     * Hyperband whose maximum resource is the largest last step of the COMPLETE trials plus one,
     * fixed at the first pruning check after a trial completed; nothing is pruned before that.
     */
    public static Pruner hyperbandWithAutoMaxResource(int minResource, int reductionFactor) {
        return new HyperbandPruner(minResource, OptionalInt.empty(), reductionFactor, 0);
    }

    /** Prune when the latest value is NaN, below {@code lower} or above {@code upper}; a null bound is absent. */
    public static Pruner threshold(Double lower, Double upper) {
        return threshold(lower, upper, 0, 1);
    }

    /** The threshold pruner, checking from step {@code nWarmupSteps} on, once per {@code intervalSteps}. */
    public static Pruner threshold(Double lower, Double upper, int nWarmupSteps, int intervalSteps) {
        return new ThresholdPruner(lower, upper, nWarmupSteps, intervalSteps);
    }

    /**
     * Early stopping on stagnation: when the last {@code patience + 1} values do not beat the best
     * earlier value by more than {@code minDelta}, prune, or let {@code wrapped} decide if it is not null.
     */
    public static Pruner patient(Pruner wrapped, int patience, double minDelta) {
        return new PatientPruner(Optional.ofNullable(wrapped), patience, minDelta);
    }

    /** {@link #patient(Pruner, int, double)} without a wrapped pruner and with {@code minDelta} 0. */
    public static Pruner patient(int patience) {
        return patient(null, patience, 0.0);
    }
}
