package dev.osprey.optimizer.sampler.nsga;

import java.util.SplittableRandom;

/**
 * Blend crossover BLX-alpha (Eshelman and Schaffer, "Real-Coded Genetic Algorithms and
 * Interval-Schemata", FOGA 1993): each parameter uniform in the parents' interval widened by
 * {@code alpha} times its length on both sides.
 *
 * @param alpha how far beyond the parents a child may go, relative to their distance; Optuna's default 0.5
 */
public record BlxAlphaCrossover(double alpha) implements Crossover {

    public BlxAlphaCrossover {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("BLX-alpha's alpha must be a finite number >= 0, but got " + alpha);
        }
    }

    /** Optuna's default, alpha 0.5. */
    public BlxAlphaCrossover() {
        this(0.5);
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, double swappingProb, boolean multiObjective,
                          SplittableRandom rng) {
        double[] child = new double[bounds.length];
        for (int i = 0; i < child.length; i++) {
            double min = Math.min(parents[0][i], parents[1][i]);
            double max = Math.max(parents[0][i], parents[1][i]);
            double lo = min - alpha * (max - min);
            double hi = max + alpha * (max - min);
            child[i] = lo + rng.nextDouble() * (hi - lo);
        }
        return child;
    }
}
