package dev.osprey.optimizer.sampler.tpe;

/**
 * The points where Optuna's versions compute TPE's kernels differently; {@link ParzenEstimator}
 * follows the rule each flag names. {@link #CURRENT} is Optuna 4.9's univariate and Optuna 5's
 * estimator (and Osprey's default); {@link #OPTUNA_3_1} is Optuna 3.1.0's {@code _ParzenEstimator}.
 *
 * @param priorInBandwidths   the prior's centre takes part in the neighbour-gap bandwidths, as one
 *                            more point of the sorted list (Optuna 3.x and early 4.x; 4.9 and 5
 *                            sort the observations alone)
 * @param scottBandwidth      every observation's kernel gets {@code 0.2 · max(n, 1)^(-1/(d+4)) ·
 *                            range} ({@code d} the estimator's dimensions) instead of its neighbour
 *                            gap, before the magic clip: Optuna 3.x and 4.x in multivariate mode
 * @param unscaledDensity     a continuous kernel's log density leaves out {@code -log σ}: Optuna's
 *                            truncated normal did so until 3.5 (optuna/optuna#5109), which makes
 *                            wide kernels count for more than their mass
 * @param logIntPointDensity  a log-scaled integer is scored by the kernels' density at its log,
 *                            not by their mass on its cell {@code [log(x - ½), log(x + ½)]}:
 *                            Optuna until 4.5 (optuna/optuna#6258)
 */
record KernelRules(boolean priorInBandwidths, boolean scottBandwidth, boolean unscaledDensity,
                   boolean logIntPointDensity) {

    /** Optuna 4.9 in univariate mode and Optuna 5 (and Osprey's default). */
    static final KernelRules CURRENT = new KernelRules(false, false, false, false);

    /** Optuna 3.1.0 in univariate mode; its multivariate mode adds {@link #scottBandwidth}. */
    static final KernelRules OPTUNA_3_1 = new KernelRules(true, false, true, true);

    KernelRules withScottBandwidth(boolean on) {
        return new KernelRules(priorInBandwidths, on, unscaledDensity, logIntPointDensity);
    }
}
