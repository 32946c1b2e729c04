package dev.osprey.optimizer.pareto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HypervolumeTest {

    private static final double[][] STAIRS = {{1, 3}, {2, 2}, {3, 1}};
    private static final double[] R2 = {4, 4};

    @Test
    void twoObjectivesAddTheStepsOfTheStaircase() {
        // (4-1)(4-3) + (4-2)(3-2) + (4-3)(2-1)
        assertEquals(6, Hypervolume.of(STAIRS, R2), 1e-12);
    }

    @Test
    void dominatedPointsAndDuplicatesAddNothing() {
        double[][] more = {{1, 3}, {3, 3}, {2, 2}, {3, 1}, {2, 2}, {4, 4}};
        assertEquals(6, Hypervolume.of(more, R2), 1e-12);
    }

    @Test
    void threeObjectivesByInclusionExclusion() {
        // three boxes of 3x1x1 that meet pairwise, and all three, in the unit cube at (3,3,3): 9 - 3 + 1
        double[][] corners = {{1, 3, 3}, {3, 1, 3}, {3, 3, 1}};
        double[] r = {4, 4, 4};
        assertEquals(7, Hypervolume.of(corners, r), 1e-12);
        assertEquals(6, Hypervolume.of(new double[][] {{0, 0, 0}}, new double[] {1, 2, 3}), 1e-12);
        // (2,2,2) adds its 2x2x2 cube less what the corners cover of it: three 2x1x1 slabs meeting in one unit cube, 4
        double[][] withCentre = {{1, 3, 3}, {3, 1, 3}, {3, 3, 1}, {2, 2, 2}};
        assertEquals(7 + 8 - 4, Hypervolume.of(withCentre, r), 1e-12);
    }

    @Test
    void theFrontOfZdt1ApproachesItsAnalyticHypervolume() {
        // f2 = 1 - sqrt(f1) on [0, 1]; at (1.1, 1.1) the hypervolume is 1.21 - 1/3 = 0.876667
        int n = 20_000;
        double[][] front = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double f1 = (double) i / n;
            front[i] = new double[] {f1, 1 - Math.sqrt(f1)};
        }
        assertEquals(1.21 - 1.0 / 3, Hypervolume.of(front, new double[] {1.1, 1.1}), 1e-4);
    }

    @Test
    void theFrontOfDtlz2ApproachesItsAnalyticHypervolume() {
        // the positive octant of the unit sphere; at (1.1, 1.1, 1.1) the hypervolume is 1.331 - pi/6
        int n = 60;
        java.util.List<double[]> front = new java.util.ArrayList<>();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double a = Math.PI / 2 * i / n;
                double b = Math.PI / 2 * j / n;
                front.add(new double[] {Math.cos(a) * Math.cos(b), Math.cos(a) * Math.sin(b), Math.sin(a)});
            }
        }
        double hv = Hypervolume.of(front.toArray(double[][]::new), new double[] {1.1, 1.1, 1.1});
        assertTrue(hv < 1.331 - Math.PI / 6 && hv > 1.331 - Math.PI / 6 - 0.02, "got " + hv);
    }

    @Test
    void fourObjectivesMatchSlicingByHand() {
        // two boxes in 4-D: 2*2*2*2 and 1*3*2*2, overlapping in 1*2*2*2
        double[][] points = {{0, 1, 1, 1}, {1, 0, 1, 1}};
        assertEquals(16 + 12 - 8, Hypervolume.of(points, new double[] {2, 3, 3, 3}), 1e-12);
    }

    @Test
    void contributionsAreWhatEachPointAloneDominates() {
        double[][] points = {{1, 3}, {2, 2}, {3, 1}, {3, 3}};
        assertArrayEquals(new double[] {1, 1, 1, 0}, Hypervolume.contributions(points, R2), 1e-12);
        double[][] twins = {{1, 1}, {1, 1}};
        assertArrayEquals(new double[] {0, 0}, Hypervolume.contributions(twins, R2), 1e-12);
        double[][] corners = {{1, 3, 3}, {3, 1, 3}, {3, 3, 1}, {2, 2, 2}};
        // each corner keeps the unit cube of its box outside the centre's cube; the centre keeps 8 - 4
        assertArrayEquals(new double[] {1, 1, 1, 4}, Hypervolume.contributions(corners, new double[] {4, 4, 4}), 1e-12);
    }

    /** Against inclusion-exclusion over every subset: the union of boxes, exactly. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void matchesInclusionExclusionOnRandomSets(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int objectives = 2 + (int) (seed % 3);
        double[][] points = new double[2 + rng.nextInt(6)][objectives];
        double[] r = new double[objectives];
        Arrays.fill(r, 1.0);
        for (double[] p : points) {
            for (int k = 0; k < objectives; k++) {
                p[k] = rng.nextBoolean() ? rng.nextDouble() : rng.nextInt(4) / 4.0; // some ties
            }
        }
        assertEquals(inclusionExclusion(points, r), Hypervolume.of(points, r), 1e-12, () -> Arrays.deepToString(points));
    }

    private static double inclusionExclusion(double[][] points, double[] r) {
        double total = 0;
        for (int mask = 1; mask < 1 << points.length; mask++) {
            double[] corner = new double[r.length];
            Arrays.fill(corner, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < points.length; i++) {
                if ((mask & 1 << i) != 0) {
                    for (int k = 0; k < r.length; k++) {
                        corner[k] = Math.max(corner[k], points[i][k]);
                    }
                }
            }
            double box = 1;
            for (int k = 0; k < r.length; k++) {
                box *= r[k] - corner[k];
            }
            total += Integer.bitCount(mask) % 2 == 1 ? box : -box;
        }
        return total;
    }

    @Test
    void aPointBeyondTheReferenceOrABadReferenceIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(new double[][] {{1, 1}, {5, 1}}, R2));
        assertTrue(e.getMessage().contains("point 1 is [5.0, 1.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(STAIRS, new double[] {4, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("must be finite, but it is [4.0, Infinity]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(STAIRS, new double[] {4, 4, 4}));
        assertTrue(e.getMessage().contains("point 0 has 2"), e.getMessage());
    }

    @Test
    void anEmptySetHasNoVolume() {
        assertEquals(0, Hypervolume.of(new double[0][], R2));
    }
}
