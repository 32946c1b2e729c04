package dev.osprey.optimizer.sampler.tpe;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The exact hypervolume of a set of loss vectors (every objective minimised): the measure of the
 * region that some point dominates and that dominates the reference point (Zitzler and Thiele,
 * "Multiobjective Optimization Using Evolutionary Algorithms: A Comparative Case Study", PPSN V,
 * 1998).
 *
 * <p>Two objectives: a sweep over the points sorted by the first objective, {@code O(n log n)}.
 * More: slices along the last objective, each the hypervolume of the points below it in one
 * objective fewer ("hypervolume by slicing objectives", While, Hingston, Barone and Huband, IEEE
 * TEVC 10(1), 2006), {@code O(n^(M-1) log n)}: exact and quick for the few dozen points TPE and
 * the tests measure, though not for large many-objective sets, which would want WFG.
 */
final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * The hypervolume of {@code points} up to {@code reference}.
     *
     * @param points    {@code [point][objective]}; each must be no worse than {@code reference}
     *                  in every objective (drop the others first: they add nothing)
     * @param reference a finite point with one coordinate per objective
     */
    static double of(double[][] points, double[] reference) {
        validate(points, reference);
        return volume(points.clone(), reference, reference.length);
    }

    /**
     * Each point's exclusive contribution: the hypervolume lost without it,
     * {@code HV(S) - HV(S \ {p})}. A dominated point or a duplicate contributes 0.
     */
    static double[] contributions(double[][] points, double[] reference) {
        validate(points, reference);
        double total = volume(points.clone(), reference, reference.length);
        double[] contributions = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double[][] others = new double[points.length - 1][];
            for (int j = 0, k = 0; j < points.length; j++) {
                if (j != i) {
                    others[k++] = points[j];
                }
            }
            // rounding can leave a tiny negative difference for a point that contributes nothing
            contributions[i] = Math.max(0, total - volume(others, reference, reference.length));
        }
        return contributions;
    }

    /** The hypervolume over the first {@code d} objectives; sorts {@code points} in place. */
    private static double volume(double[][] points, double[] reference, int d) {
        if (points.length == 0) {
            return 0;
        }
        if (d == 1) {
            double best = reference[0];
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        if (d == 2) {
            return area(points, reference);
        }
        int last = d - 1;
        Arrays.sort(points, Comparator.comparingDouble(p -> p[last]));
        double volume = 0;
        for (int i = 0; i < points.length; i++) {
            double next = i + 1 < points.length ? points[i + 1][last] : reference[last];
            double depth = next - points[i][last];
            if (depth > 0) {
                volume += volume(Arrays.copyOf(points, i + 1), reference, last) * depth;
            }
        }
        return volume;
    }

    /** The two-objective sweep: by the first objective, each point adds the strip below the best second value so far. */
    private static double area(double[][] points, double[] reference) {
        Arrays.sort(points, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double ceiling = reference[1];
        for (double[] p : points) {
            if (p[1] < ceiling) {
                area += (reference[0] - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return area;
    }

    private static void validate(double[][] points, double[] reference) {
        if (reference.length == 0) {
            throw new IllegalArgumentException("the reference point needs at least one objective, but it has none");
        }
        for (double r : reference) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("the reference point must be finite, but it is "
                        + Arrays.toString(reference));
            }
        }
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (p.length != reference.length) {
                throw new IllegalArgumentException("every point must have " + reference.length
                        + " objective(s) like the reference point, but point " + i + " has " + p.length);
            }
            for (int k = 0; k < p.length; k++) {
                if (!(p[k] <= reference[k])) {
                    throw new IllegalArgumentException("every point must be no worse than the reference point "
                            + Arrays.toString(reference) + " in each objective, but point " + i + " is "
                            + Arrays.toString(p));
                }
            }
        }
    }
}
