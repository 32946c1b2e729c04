package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.internal.Feasibility;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * NSGA-III's survival (Deb and Jain, "An Evolutionary Many-Objective Optimization Algorithm Using
 * Reference-Point-Based Nondominated Sorting Approach, Part I", IEEE TEVC 18(4), 2014), as Optuna's
 * {@code NSGAIIISampler} selects: whole fronts while they fit; the front that does not fit is
 * normalised together with the members taken so far (ideal point subtracted, axes scaled by the
 * intercepts of the hyperplane through the extreme points), each member is associated with the
 * nearest reference line, and members are taken niche by niche, least crowded reference first.
 * Unlike Optuna, maximised objectives are negated before normalising.
 */
final class Nsga3Survival implements EliteSelection {

    private final int dividingParameter;

    Nsga3Survival(int dividingParameter) {
        this.dividingParameter = dividingParameter;
    }

    @Override
    public List<TrialRecord> select(List<TrialRecord> pool, int size, List<Direction> directions, boolean constrained,
                                    SplittableRandom rng) {
        List<TrialRecord> elite = new ArrayList<>(size);
        for (List<TrialRecord> front : Survival.fronts(pool, directions, constrained)) {
            if (elite.size() + front.size() <= size) {
                elite.addAll(front);
                if (elite.size() == size) {
                    break;
                }
                continue;
            }
            elite.addAll(niche(elite, front, size - elite.size(), directions, rng));
            break;
        }
        return elite;
    }

    private List<TrialRecord> niche(List<TrialRecord> elite, List<TrialRecord> front, int wanted,
                                    List<Direction> directions, SplittableRandom rng) {
        int m = directions.size();
        List<TrialRecord> all = new ArrayList<>(elite);
        all.addAll(front);
        double[][] z = normalised(all, directions);
        double[][] references = ReferencePoints.dasDennis(m, dividingParameter);
        int[] nearest = new int[z.length];
        double[] distance = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            distance[i] = Double.POSITIVE_INFINITY;
            for (int r = 0; r < references.length; r++) {
                double d = perpendicular(z[i], references[r]);
                if (d < distance[i]) {
                    distance[i] = d;
                    nearest[i] = r;
                }
            }
        }
        int[] crowding = new int[references.length];
        for (int i = 0; i < elite.size(); i++) {
            crowding[nearest[i]]++;
        }
        List<List<Integer>> candidates = new ArrayList<>();
        for (int r = 0; r < references.length; r++) {
            candidates.add(new ArrayList<>());
        }
        for (int i = elite.size(); i < z.length; i++) {
            candidates.get(nearest[i]).add(i);
        }
        for (List<Integer> c : candidates) {
            c.sort((a, b) -> Double.compare(distance[a], distance[b]));
        }
        TreeMap<Integer, List<Integer>> buckets = new TreeMap<>();
        for (int r = 0; r < references.length; r++) {
            if (!candidates.get(r).isEmpty()) {
                buckets.computeIfAbsent(crowding[r], k -> new ArrayList<>()).add(r);
            }
        }
        java.util.Set<Integer> shuffled = new java.util.HashSet<>();
        List<TrialRecord> taken = new ArrayList<>(wanted);
        while (taken.size() < wanted) {
            int rho = buckets.firstKey();
            List<Integer> bucket = buckets.get(rho);
            if (shuffled.add(rho)) {
                shuffle(bucket, rng);
            }
            int reference = bucket.remove(0);
            if (bucket.isEmpty()) {
                buckets.remove(rho);
            }
            List<Integer> own = candidates.get(reference);
            int pick = rho == 0 ? own.remove(0) : own.remove(rng.nextInt(own.size()));
            taken.add(all.get(pick));
            if (!own.isEmpty()) {
                buckets.computeIfAbsent(rho + 1, k -> new ArrayList<>()).add(reference);
            }
        }
        return taken;
    }

    private static void shuffle(List<Integer> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    /** The losses translated to the ideal point and scaled by the hyperplane's intercepts. */
    static double[][] normalised(List<TrialRecord> trials, List<Direction> directions) {
        int n = trials.size();
        int m = directions.size();
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = Feasibility.loss(trials.get(i), directions);
        }
        for (int k = 0; k < m; k++) {
            double min = Double.POSITIVE_INFINITY;
            for (double[] row : z) {
                min = Math.min(min, row[k]);
            }
            for (double[] row : z) {
                row[k] -= min;
            }
        }
        double[][] extremes = new double[m][];
        for (int axis = 0; axis < m; axis++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] row : z) {
                double scalar = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    scalar = Math.max(scalar, row[k] * (k == axis ? 1 : 1e6));
                }
                if (scalar < best) {
                    best = scalar;
                    extremes[axis] = row;
                }
            }
        }
        double[] scale = solve(extremes);
        if (scale == null) {
            scale = new double[m];
            for (int k = 0; k < m; k++) {
                double max = 0;
                for (double[] row : z) {
                    max = Math.max(max, row[k]);
                }
                scale[k] = 1 / (max == 0 ? 1 : max);
            }
        }
        for (double[] row : z) {
            for (int k = 0; k < m; k++) {
                row[k] *= Double.isFinite(scale[k]) ? scale[k] : 1;
            }
        }
        return z;
    }

    /** The solution of {@code E a = 1} by Gaussian elimination, or null when E is singular or not finite. */
    private static double[] solve(double[][] extremes) {
        int m = extremes.length;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                if (!Double.isFinite(extremes[i][k])) {
                    return null;
                }
                a[i][k] = extremes[i][k];
            }
            a[i][m] = 1;
        }
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < m; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k <= m; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = a[i][m] / a[i][i];
        }
        return x;
    }

    /** The distance from {@code z} to the line through the origin along {@code w}. */
    static double perpendicular(double[] z, double[] w) {
        double dot = 0;
        double norm = 0;
        for (int k = 0; k < z.length; k++) {
            dot += z[k] * w[k];
            norm += w[k] * w[k];
        }
        double t = dot / norm;
        double d = 0;
        for (int k = 0; k < z.length; k++) {
            double off = z[k] - t * w[k];
            d += off * off;
        }
        return Math.sqrt(d);
    }
}
