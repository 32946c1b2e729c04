package dev.osprey.optimizer.pareto;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The exact hypervolume of a set of loss vectors (every objective minimised): the measure of the
 * region that some point dominates and that dominates the reference point (Zitzler and Thiele,
 * "Multiobjective Optimization Using Evolutionary Algorithms: A Comparative Case Study", PPSN V,
 * 1998).
 *
 * <p>Two objectives: a sweep over the points sorted by the first objective, {@code O(n log n)}.
 * More: WFG (While, Bradstreet and Barone, "A Fast Way of Calculating Exact Hypervolumes", IEEE
 * TEVC 16(1), 2012): the volume is the sum of each point's exclusive part, the box it dominates
 * minus the hypervolume of the later points limited to that box, whose non-dominated set is
 * usually small.
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * The hypervolume of {@code points} up to {@code reference}.
     *
     * @param points    {@code [point][objective]}; each must be no worse than {@code reference}
     *                  in every objective (drop the others first: they add nothing)
     * @param reference a finite point with one coordinate per objective
     */
    public static double of(double[][] points, double[] reference) {
        validate(points, reference);
        return volume(points.clone(), reference, reference.length);
    }

    /**
     * Each point's exclusive contribution: the hypervolume lost without it,
     * {@code HV(S) - HV(S \ {p})}. A dominated point or a duplicate contributes 0.
     */
    public static double[] contributions(double[][] points, double[] reference) {
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

    /** The hypervolume over all {@code d} objectives; sorts {@code points} in place. */
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
        Arrays.sort(points, Comparator.comparingDouble(p -> p[0]));
        return wfg(points, reference);
    }

    /** WFG over points sorted by the first objective: the sum of each point's exclusive hypervolume. */
    private static double wfg(double[][] points, double[] reference) {
        if (points.length == 0) {
            return 0;
        }
        if (reference.length == 2) {
            return area(points.clone(), reference);
        }
        double volume = 0;
        for (int i = 0; i < points.length; i++) {
            volume += box(points[i], reference) - wfg(limited(points, i), reference);
        }
        return volume;
    }

    /** The points after {@code i}, each limited to the box of point {@code i}, dominated ones dropped. */
    private static double[][] limited(double[][] points, int i) {
        double[] p = points[i];
        List<double[]> kept = new ArrayList<>();
        for (int j = i + 1; j < points.length; j++) {
            double[] q = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                q[k] = Math.max(p[k], points[j][k]);
            }
            boolean dominated = false;
            for (Iterator<double[]> it = kept.iterator(); it.hasNext() && !dominated; ) {
                double[] other = it.next();
                if (weaklyDominates(other, q)) {
                    dominated = true;
                } else if (weaklyDominates(q, other)) {
                    it.remove();
                }
            }
            if (!dominated) {
                kept.add(q);
            }
        }
        // still sorted by the first objective: limiting keeps the order of the first coordinates
        return kept.toArray(double[][]::new);
    }

    private static boolean weaklyDominates(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
        }
        return true;
    }

    private static double box(double[] p, double[] reference) {
        double volume = 1;
        for (int k = 0; k < p.length; k++) {
            volume *= reference[k] - p[k];
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
