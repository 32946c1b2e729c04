package dev.osprey.optimizer.sampler.nsga;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Modified simulated binary crossover vSBX (Pan, Sun, Zhang and Deb, "Analysis of the vSBX
 * crossover", 2019; as Optuna 3.1's {@code VSBXCrossover}): an unbounded SBX variant whose two
 * children per parameter lie on either side of the parents, assembled as {@link SbxCrossover}
 * does.
 *
 * @param eta the distribution index; empty means Optuna's default, 20 with several objectives and 2 with one
 */
public record VsbxCrossover(OptionalDouble eta) implements Crossover {

    public VsbxCrossover {
        if (eta.isPresent() && !(eta.getAsDouble() >= 0 && Double.isFinite(eta.getAsDouble()))) {
            throw new IllegalArgumentException("vSBX's eta must be a finite number >= 0, but got " + eta.getAsDouble());
        }
    }

    /** Optuna's default eta. */
    public VsbxCrossover() {
        this(OptionalDouble.empty());
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, double swappingProb, boolean multiObjective,
                          SplittableRandom rng) {
        double eta = SbxCrossover.eta(this.eta, multiObjective);
        int d = bounds.length;
        double[] c1 = new double[d];
        double[] c2 = new double[d];
        for (int i = 0; i < d; i++) {
            double x1 = parents[0][i];
            double x2 = parents[1][i];
            double u = rng.nextDouble();
            double beta1 = Math.pow(u / 2, 1 / (eta + 1));
            double beta2 = Math.pow((1 - u) / 2, 1 / (eta + 1));
            if (u <= 0.5) {
                c1[i] = 0.5 * ((1 + beta1) * x1 + (1 - beta1) * x2);
                c2[i] = 0.5 * ((3 - beta2) * x1 - (1 - beta2) * x2);
            } else {
                c1[i] = 0.5 * ((1 - beta1) * x1 + (1 + beta1) * x2);
                c2[i] = 0.5 * (-(1 - beta2) * x1 + (3 - beta2) * x2);
            }
        }
        return SbxCrossover.assemble(parents, c1, c2, rng);
    }
}
