package dev.osprey.optimizer.sampler.nsga;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Unimodal normal distribution crossover UNDX (Ono and Kobayashi, "A Real-coded Genetic Algorithm
 * for Function Optimization Using Unimodal Normal Distribution Crossover", ICGA 1997), as Optuna
 * 3.1's {@code UNDXCrossover}: a child normally distributed about the middle of the first two
 * parents, along their line with spread {@code sigmaXi} and across it, scaled by the third parent's
 * distance from that line, with spread {@code sigmaEta}. As in Optuna, the spreads are used as
 * standard deviations after squaring ({@code N(0, sigma^2)} as numpy's scale), which keeps draws
 * comparable with it.
 *
 * @param sigmaXi  the spread along the parents' line; Optuna's default 0.5
 * @param sigmaEta the spread across it; empty means Optuna's default {@code 0.35 / sqrt(d)}
 */
public record UndxCrossover(double sigmaXi, OptionalDouble sigmaEta) implements Crossover {

    public UndxCrossover {
        if (!(sigmaXi > 0 && Double.isFinite(sigmaXi))) {
            throw new IllegalArgumentException("UNDX's sigmaXi must be a finite number > 0, but got " + sigmaXi);
        }
        if (sigmaEta.isPresent() && !(sigmaEta.getAsDouble() > 0 && Double.isFinite(sigmaEta.getAsDouble()))) {
            throw new IllegalArgumentException("UNDX's sigmaEta must be a finite number > 0, but got "
                    + sigmaEta.getAsDouble());
        }
    }

    /** Optuna's defaults. */
    public UndxCrossover() {
        this(0.5, OptionalDouble.empty());
    }

    @Override
    public int parents() {
        return 3;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, double swappingProb, boolean multiObjective,
                          SplittableRandom rng) {
        int d = bounds.length;
        double[] x1 = parents[0];
        double[] x2 = parents[1];
        double[] x3 = parents[2];
        double[] middle = new double[d];
        double[] diff = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            middle[i] = (x1[i] + x2[i]) / 2;
            diff[i] = x1[i] - x2[i];
            norm += diff[i] * diff[i];
        }
        norm = Math.max(Math.sqrt(norm), 1e-10);
        double[] e1 = new double[d];
        for (int i = 0; i < d; i++) {
            e1[i] = (x2[i] - x1[i]) / norm;
        }
        // the third parent's distance from the line through the first two
        double along = 0;
        for (int i = 0; i < d; i++) {
            along += (x3[i] - x1[i]) * e1[i];
        }
        double distance = 0;
        for (int i = 0; i < d; i++) {
            double off = x3[i] - x1[i] - along * e1[i];
            distance += off * off;
        }
        distance = Math.sqrt(distance);
        double xi = gaussian(rng) * sigmaXi * sigmaXi;
        double eta = sigmaEta.orElse(0.35 / Math.sqrt(d));
        double[] child = new double[d];
        for (int i = 0; i < d; i++) {
            child[i] = middle[i] + xi * diff[i];
        }
        for (double[] basis : complement(e1)) {
            double step = distance * gaussian(rng) * eta * eta;
            for (int i = 0; i < d; i++) {
                child[i] += step * basis[i];
            }
        }
        return child;
    }

    /** An orthonormal basis of the space orthogonal to {@code e1} (Gram-Schmidt over the unit vectors). */
    static double[][] complement(double[] e1) {
        int d = e1.length;
        java.util.List<double[]> basis = new java.util.ArrayList<>();
        basis.add(e1.clone());
        for (int k = 0; k < d && basis.size() < d; k++) {
            double[] v = new double[d];
            v[k] = 1;
            for (double[] b : basis) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * b[i];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * b[i];
                }
            }
            double n = 0;
            for (double x : v) {
                n += x * x;
            }
            n = Math.sqrt(n);
            if (n > 1e-8) {
                for (int i = 0; i < d; i++) {
                    v[i] /= n;
                }
                basis.add(v);
            }
        }
        return basis.subList(1, basis.size()).toArray(double[][]::new);
    }

    private static double gaussian(SplittableRandom rng) {
        return rng.nextGaussian();
    }
}
