package dev.osprey.optimizer.sampler.gp;

import org.apache.commons.math3.random.SobolSequenceGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximises log EI as Optuna's GPSampler does: a quasi-random preliminary sweep (a Sobol sequence,
 * Sobol 1967 with Joe and Kuo's direction numbers, under a random digital shift drawn from the
 * trial's generator) picks start points (the best, more by a roulette over {@code exp(f - f_max)},
 * and the warm starts given); from each, a block-coordinate local search alternates the
 * continuous dimensions (by {@link BoundedQuasiNewton} on [0, 1]) with each discrete dimension
 * (all its values when it has at most 16, else the grid points near the current one) until a
 * whole cycle changes nothing.
 */
final class AcquisitionSearch {

    /** A candidate input and its log EI. */
    record Candidate(double[] x, double value) {
    }

    private static final int EXHAUSTIVE_CHOICES = 16;
    private static final int WINDOW = 8;
    private static final int MAX_CYCLES = 10;
    private static final int MAX_ITERATIONS = 50;
    private static final double GRADIENT_TOLERANCE = 1e-2;

    private final GaussianProcess gp;
    private final double best;
    private final SpaceEncoding encoding;
    private final int[] continuous;

    AcquisitionSearch(GaussianProcess gp, double best, SpaceEncoding encoding) {
        this.gp = gp;
        this.best = best;
        this.encoding = encoding;
        this.continuous = encoding.continuousDimensions();
    }

    double acquisition(double[] x) {
        double[] p = gp.posterior(x);
        return LogEi.value(p[0], p[1], best);
    }

    /**
     * Candidates from {@code preliminary} quasi-random points and {@code localSearches} local
     * searches (some starting at {@code warmStarts}), best first: the local optima, then the
     * preliminary points.
     */
    List<Candidate> search(SplittableRandom rng, int preliminary, int localSearches, List<double[]> warmStarts) {
        int d = encoding.dimensions();
        List<Candidate> sweep = new ArrayList<>(preliminary);
        double[] shift = new double[d];
        for (int i = 0; i < d; i++) {
            shift[i] = rng.nextDouble();
        }
        SobolSequenceGenerator sobol = d <= 1000 ? new SobolSequenceGenerator(d) : null;
        for (int p = 0; p < preliminary; p++) {
            double[] u = sobol != null ? sobol.nextVector() : new double[d];
            for (int i = 0; i < d; i++) {
                u[i] = sobol != null ? (u[i] + shift[i]) % 1.0 : rng.nextDouble();
            }
            double[] x = encoding.fromUnitCube(u);
            sweep.add(new Candidate(x, acquisition(x)));
        }
        sweep.sort(Comparator.comparingDouble(Candidate::value).reversed());

        List<double[]> starts = new ArrayList<>();
        if (!sweep.isEmpty()) {
            starts.add(sweep.get(0).x());
        }
        int roulette = Math.max(0, localSearches - 1 - warmStarts.size());
        starts.addAll(roulette(sweep, roulette, rng));
        for (double[] w : warmStarts) {
            if (starts.size() < localSearches) {
                starts.add(w.clone());
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (double[] start : starts) {
            out.add(localSearch(start));
        }
        out.sort(Comparator.comparingDouble(Candidate::value).reversed());
        out.addAll(sweep);
        return out;
    }

    /** Up to {@code count} sweep points other than the best, drawn without replacement with {@code p ∝ exp(f - f_max)}. */
    private static List<double[]> roulette(List<Candidate> sweep, int count, SplittableRandom rng) {
        List<double[]> picked = new ArrayList<>();
        if (sweep.size() < 2 || count == 0) {
            return picked;
        }
        double max = sweep.get(0).value();
        double[] weights = new double[sweep.size()];
        for (int i = 1; i < weights.length; i++) {
            double w = Math.exp(sweep.get(i).value() - max);
            weights[i] = Double.isFinite(w) ? w : 0;
        }
        for (int c = 0; c < count; c++) {
            double total = Arrays.stream(weights).sum();
            if (!(total > 0)) {
                break;
            }
            double r = rng.nextDouble() * total;
            int chosen = weights.length - 1;
            for (int i = 1; i < weights.length; i++) {
                r -= weights[i];
                if (r <= 0 && weights[i] > 0) {
                    chosen = i;
                    break;
                }
            }
            picked.add(sweep.get(chosen).x());
            weights[chosen] = 0;
        }
        return picked;
    }

    /** Block-coordinate ascent from {@code start}. */
    Candidate localSearch(double[] start) {
        double[] x = start.clone();
        encoding.roundInPlace(x);
        double value = acquisition(x);
        int blocks = encoding.dimensions() + 1;
        int unchanged = 0; // blocks tried since the last improvement: a whole cycle of them ends the search
        for (int step = 0; step < MAX_CYCLES * blocks && unchanged < blocks; step++) {
            int block = step % blocks;
            double improved = block == 0 ? continuousStep(x, value) : discreteStep(x, block - 1, value);
            if (improved > value) {
                value = improved;
                unchanged = 0;
            } else {
                unchanged++;
            }
        }
        return new Candidate(x, value);
    }

    private double continuousStep(double[] x, double value) {
        if (continuous.length == 0) {
            return value;
        }
        int m = continuous.length;
        double[] lower = new double[m];
        double[] upper = new double[m];
        Arrays.fill(upper, 1);
        double[] z = new double[m];
        for (int a = 0; a < m; a++) {
            z[a] = x[continuous[a]];
        }
        double[] work = x.clone();
        double[] meanGradient = new double[m];
        double[] varianceGradient = new double[m];
        BoundedQuasiNewton.Objective negative = (point, gradient) -> {
            for (int a = 0; a < m; a++) {
                work[continuous[a]] = point[a];
            }
            double[] p = gp.posterior(work, continuous, meanGradient, varianceGradient);
            double[] ei = LogEi.withGradient(p[0], p[1], best);
            for (int a = 0; a < m; a++) {
                gradient[a] = -(ei[1] * meanGradient[a] + ei[2] * varianceGradient[a]);
            }
            return -ei[0];
        };
        BoundedQuasiNewton.Result result = new BoundedQuasiNewton(lower, upper, MAX_ITERATIONS, GRADIENT_TOLERANCE)
                .minimize(negative, z);
        if (-result.value() > value) {
            for (int a = 0; a < m; a++) {
                x[continuous[a]] = result.x()[a];
            }
            return -result.value();
        }
        return value;
    }

    private double discreteStep(double[] x, int i, double value) {
        double[] options = switch (encoding.kind(i)) {
            case CONTINUOUS -> new double[0];
            case CATEGORICAL -> {
                double[] all = new double[encoding.choices(i)];
                for (int c = 0; c < all.length; c++) {
                    all[c] = c;
                }
                yield all;
            }
            case DISCRETE -> {
                double[] grid = encoding.grid(i);
                if (grid.length <= EXHAUSTIVE_CHOICES) {
                    yield grid;
                }
                int at = Math.max(0, Arrays.binarySearch(grid, x[i]));
                int from = Math.max(0, at - WINDOW);
                int to = Math.min(grid.length, at + WINDOW + 1);
                yield Arrays.copyOfRange(grid, from, to);
            }
        };
        double original = x[i];
        double bestValue = value;
        double bestOption = original;
        for (double option : options) {
            if (option == original) {
                continue;
            }
            x[i] = option;
            double v = acquisition(x);
            if (v > bestValue) {
                bestValue = v;
                bestOption = option;
            }
        }
        x[i] = bestOption;
        return bestValue;
    }
}
