package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.pareto.Hypervolume;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HypervolumeSubsetTest {

    // boxes up to (5,5): 4.5, 9, 4, 7.6
    private static final double[][] FRONT = {{0.5, 4}, {2, 2}, {4, 1}, {3, 1.2}};
    private static final double[] R = {5, 5};

    @Test
    void greedilyKeepsThePointThatAddsTheMostHypervolume() {
        assertArrayEquals(new int[] {1}, HypervolumeSubset.select(FRONT, 1, R), "(2,2) has the largest box, 9");
        // beside (2,2): (0.5,4) adds 1.5, (4,1) adds 1, (3,1.2) adds 1.6
        assertArrayEquals(new int[] {1, 3}, HypervolumeSubset.select(FRONT, 2, R));
        // beside both: (0.5,4) still adds 1.5, (4,1) only 0.2
        assertArrayEquals(new int[] {1, 3, 0}, HypervolumeSubset.select(FRONT, 3, R));
        assertArrayEquals(new int[] {1, 3, 0, 2}, HypervolumeSubset.select(FRONT, 4, R));
        assertArrayEquals(new int[0], HypervolumeSubset.select(FRONT, 0, R));
    }

    @Test
    void threeObjectivesAndTiesGoToTheLowerIndex() {
        double[][] points = {{1, 3, 3}, {3, 1, 3}, {3, 3, 1}, {2, 2, 2}};
        // the centre's cube (8) first; then every corner adds 1, and the first one wins
        assertArrayEquals(new int[] {3, 0}, HypervolumeSubset.select(points, 2, new double[] {4, 4, 4}));
    }

    @Test
    void aDuplicateOfAKeptPointAddsNothing() {
        double[][] points = {{1, 1}, {1, 1}, {0, 3}};
        // (1,1) boxes 9 at (4,4); its twin then adds 0, while (0,3) adds 1
        assertArrayEquals(new int[] {0, 2}, HypervolumeSubset.select(points, 2, new double[] {4, 4}));
    }

    /**
     * The incremental update of contributions picks what recomputing every marginal gain picks.
     * The points lie on the unit sphere, so none dominates another and every gain is positive
     * (among dominated points the gains tie at zero, up to rounding).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void matchesTheGreedyThatRecomputesEveryGain(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int objectives = 2 + (int) (seed % 2);
        double[][] points = new double[12][objectives];
        for (double[] p : points) {
            double norm = 0;
            for (int k = 0; k < objectives; k++) {
                p[k] = 0.05 + rng.nextDouble();
                norm += p[k] * p[k];
            }
            for (int k = 0; k < objectives; k++) {
                p[k] /= Math.sqrt(norm);
            }
        }
        double[] r = new double[objectives];
        Arrays.fill(r, 1.1);
        assertArrayEquals(recomputing(points, 5, r), HypervolumeSubset.select(points, 5, r),
                () -> Arrays.deepToString(points));
    }

    private static int[] recomputing(double[][] points, int k, double[] r) {
        List<double[]> kept = new ArrayList<>();
        boolean[] taken = new boolean[points.length];
        int[] chosen = new int[k];
        for (int c = 0; c < k; c++) {
            double base = Hypervolume.of(kept.toArray(double[][]::new), r);
            int best = -1;
            double bestGain = -1;
            for (int j = 0; j < points.length; j++) {
                if (taken[j]) {
                    continue;
                }
                List<double[]> with = new ArrayList<>(kept);
                with.add(points[j]);
                double gain = Hypervolume.of(with.toArray(double[][]::new), r) - base;
                if (gain > bestGain + 1e-12) {
                    bestGain = gain;
                    best = j;
                }
            }
            taken[best] = true;
            chosen[c] = best;
            kept.add(points[best]);
        }
        return chosen;
    }

    @Test
    void aReferencePointThatIsNotFiniteKeepsTheFirstPoints() {
        assertArrayEquals(new int[] {0, 1}, HypervolumeSubset.select(FRONT, 2, new double[] {5, Double.POSITIVE_INFINITY}));
    }

    @Test
    void aSubsetLargerThanTheSetIsRejectedNamingItsSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HypervolumeSubset.select(FRONT, 5, R));
        assertTrue(e.getMessage().contains("between 0 and the 4 point(s) to choose from, but it is 5"), e.getMessage());
    }
}
