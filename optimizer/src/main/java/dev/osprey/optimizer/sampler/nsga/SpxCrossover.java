package dev.osprey.optimizer.sampler.nsga;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Simplex crossover SPX (Tsutsui, Yamamura and Higuchi, "Multi-parent Recombination with Simplex
 * Crossover in Real Coded Genetic Algorithms", GECCO 1999), as Optuna 3.1's {@code SPXCrossover}:
 * the three parents' simplex, expanded about its centre by {@code epsilon}, and a child drawn
 * inside it.
 *
 * @param epsilon the expansion; empty means Optuna's default {@code sqrt(d + 2)} for d parameters
 */
public record SpxCrossover(OptionalDouble epsilon) implements Crossover {

    public SpxCrossover {
        if (epsilon.isPresent() && !(epsilon.getAsDouble() > 0 && Double.isFinite(epsilon.getAsDouble()))) {
            throw new IllegalArgumentException("SPX's epsilon must be a finite number > 0, but got "
                    + epsilon.getAsDouble());
        }
    }

    /** Optuna's default epsilon. */
    public SpxCrossover() {
        this(OptionalDouble.empty());
    }

    @Override
    public int parents() {
        return 3;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, double swappingProb, boolean multiObjective,
                          SplittableRandom rng) {
        int d = bounds.length;
        double eps = epsilon.orElse(Math.sqrt(d + 2));
        double[] centre = new double[d];
        for (double[] p : parents) {
            for (int i = 0; i < d; i++) {
                centre[i] += p[i] / parents.length;
            }
        }
        double[][] y = new double[parents.length][d];
        for (int k = 0; k < parents.length; k++) {
            for (int i = 0; i < d; i++) {
                y[k][i] = centre[i] + eps * (parents[k][i] - centre[i]);
            }
        }
        double[] c = new double[d];
        for (int k = 1; k < parents.length; k++) {
            double r = Math.pow(rng.nextDouble(), 1.0 / k);
            for (int i = 0; i < d; i++) {
                c[i] = r * (y[k - 1][i] - y[k][i] + c[i]);
            }
        }
        double[] child = new double[d];
        for (int i = 0; i < d; i++) {
            child[i] = y[parents.length - 1][i] + c[i];
        }
        return child;
    }
}
