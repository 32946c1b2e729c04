package dev.osprey.optimizer.pruner;

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
}
