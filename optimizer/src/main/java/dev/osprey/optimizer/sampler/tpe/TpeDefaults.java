package dev.osprey.optimizer.sampler.tpe;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * TPE's default split and weighting rules, as Optuna defines them from 3.1 to 5 ({@code default_gamma},
 * {@code hyperopt_default_gamma}, {@code default_weights}); both Osprey's defaults and
 * {@link TpeBuilder#optuna31()} use them.
 */
public final class TpeDefaults {

    private TpeDefaults() {
    }

    /** How many of {@code n} finished trials form the "good" group: {@code min(ceil(0.1 n), 25)}. */
    public static final IntUnaryOperator GAMMA = n -> Math.min((int) Math.ceil(0.1 * n), 25);

    /** Hyperopt's split: {@code min(ceil(0.25 sqrt(n)), 25)}. */
    public static final IntUnaryOperator HYPEROPT_GAMMA = n -> Math.min((int) Math.ceil(0.25 * Math.sqrt(n)), 25);

    /**
     * Observation weights, oldest first: all 1 below 25 observations; beyond, the oldest
     * {@code n - 25} ramp linearly from {@code 1/n} up to 1 and the newest 25 weigh 1.
     */
    public static final IntFunction<double[]> WEIGHTS = n -> {
        double[] w = new double[n];
        if (n < 25) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) {
            // numpy.linspace(1/n, 1, ramp)
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        }
        for (int i = ramp; i < n; i++) {
            w[i] = 1.0;
        }
        return w;
    };
}
