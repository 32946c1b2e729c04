package dev.osprey.optimizer.sampler.nsga;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Simulated binary crossover, bounded (Deb and Agrawal, "Simulated Binary Crossover for Continuous
 * Search Space", Complex Systems 9, 1995; the bounded spread of Deb's NSGA-II code), as Optuna 3.1's
 * {@code SBXCrossover}: two children spread around the parents by a polynomial distribution of
 * index {@code eta}; each parameter of the child is, with probability one half, one of the two
 * children's, else one of the parents'.
 *
 * @param eta the distribution index: larger keeps children nearer their parents; empty means
 *            Optuna's default, 20 with several objectives and 2 with one
 */
public record SbxCrossover(OptionalDouble eta) implements Crossover {

    public SbxCrossover {
        if (eta.isPresent() && !(eta.getAsDouble() >= 0 && Double.isFinite(eta.getAsDouble()))) {
            throw new IllegalArgumentException("SBX's eta must be a finite number >= 0, but got " + eta.getAsDouble());
        }
    }

    /** Optuna's default eta. */
    public SbxCrossover() {
        this(OptionalDouble.empty());
    }

    @Override
    public int parents() {
        return 2;
    }

    static double eta(OptionalDouble eta, boolean multiObjective) {
        return eta.orElse(multiObjective ? 20 : 2);
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, double swappingProb, boolean multiObjective,
                          SplittableRandom rng) {
        double eta = eta(this.eta, multiObjective);
        int d = bounds.length;
        double[] c1 = new double[d];
        double[] c2 = new double[d];
        for (int i = 0; i < d; i++) {
            double xl = Math.min(parents[0][i], parents[1][i]);
            double xh = Math.max(parents[0][i], parents[1][i]);
            double delta = Math.max(xh - xl, 1e-10);
            double beta1 = 1 + 2 * (xl - bounds[i][0]) / delta;
            double beta2 = 1 + 2 * (bounds[i][1] - xh) / delta;
            double alpha1 = 2 - Math.pow(beta1, -(eta + 1));
            double alpha2 = 2 - Math.pow(beta2, -(eta + 1));
            double u = rng.nextDouble();
            double betaq1 = spread(u, alpha1, eta);
            double betaq2 = spread(u, alpha2, eta);
            c1[i] = 0.5 * ((xl + xh) - betaq1 * delta);
            c2[i] = 0.5 * ((xl + xh) + betaq2 * delta);
        }
        return assemble(parents, c1, c2, rng);
    }

    private static double spread(double u, double alpha, double eta) {
        return u <= 1 / alpha
                ? Math.pow(u * alpha, 1 / (eta + 1))
                : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    /** Optuna 3.1's gene assembly: per parameter, one of the two children (half the time) or one of the parents. */
    static double[] assemble(double[][] parents, double[] c1, double[] c2, SplittableRandom rng) {
        double[] child = new double[c1.length];
        for (int i = 0; i < child.length; i++) {
            boolean fromChildren = rng.nextDouble() < 0.5;
            boolean first = rng.nextDouble() < 0.5;
            child[i] = fromChildren ? (first ? c1[i] : c2[i]) : (first ? parents[0][i] : parents[1][i]);
        }
        return child;
    }
}
