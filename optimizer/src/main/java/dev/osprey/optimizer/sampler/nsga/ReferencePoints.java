package dev.osprey.optimizer.sampler.nsga;

import java.util.ArrayList;
import java.util.List;

/**
 * Das and Dennis's structured reference points ("Normal-Boundary Intersection: A New Method for
 * Generating the Pareto Surface in Nonlinear Multicriteria Optimization Problems", SIAM J. Optim.
 * 8(3), 1998), as NSGA-III uses them: every vector of {@code M} non-negative integers summing to
 * {@code p}, {@code C(M + p - 1, p)} of them. Like Optuna they are not divided by {@code p}: only
 * their directions matter.
 */
final class ReferencePoints {

    private ReferencePoints() {
    }

    static double[][] dasDennis(int objectives, int divisions) {
        if (objectives < 1 || divisions < 1) {
            throw new IllegalArgumentException("reference points need >= 1 objective and a dividing parameter >= 1,"
                    + " but got " + objectives + " and " + divisions);
        }
        List<double[]> points = new ArrayList<>();
        fill(new double[objectives], 0, divisions, points);
        return points.toArray(double[][]::new);
    }

    private static void fill(double[] point, int index, int left, List<double[]> points) {
        if (index == point.length - 1) {
            point[index] = left;
            points.add(point.clone());
            return;
        }
        for (int part = left; part >= 0; part--) {
            point[index] = part;
            fill(point, index + 1, left - part, points);
        }
    }
}
