package dev.osprey.optimizer.sampler.tpe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParetoSplitTest {

    /** In trial order: rank 0 is trials 0, 1, 2, 6; rank 1 is 3 and 4; rank 2 is 5. */
    private static final double[][] LOSSES = {
            {1, 5}, {5, 1}, {3, 3}, {4, 4}, {2, 6}, {6, 6}, {2, 4}};

    @Test
    void wholeRanksFillTheGoodGroupWhileTheyFit() {
        assertArrayEquals(new int[] {0, 1, 2, 6}, ParetoSplit.below(LOSSES, 4));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 6}, ParetoSplit.below(LOSSES, 6));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, ParetoSplit.below(LOSSES, 7));
        assertArrayEquals(new int[0], ParetoSplit.below(LOSSES, 0));
    }

    @Test
    void theRankThatDoesNotFitIsCutByHypervolumeSubsetSelection() {
        // rank 1 alone: reference 1.1 x its worst (4, 6) = (4.4, 6.6); (4,4) boxes 1.04, (2,6) boxes 1.44
        assertArrayEquals(new int[] {0, 1, 2, 4, 6}, ParetoSplit.below(LOSSES, 5));
        // rank 0, reference (5.5, 5.5): (3,3) boxes 6.25 and goes first; then (2,4) adds 1.5, (1,5) and (5,1) add 1
        assertArrayEquals(new int[] {2, 6}, ParetoSplit.below(LOSSES, 2));
    }

    @Test
    void goodObservationsWeighTheirHypervolumeContributionAgainstTheLargest() {
        // reference (3.3, 3.3): the ends keep 1 x 0.3 each, the middle 1 x 1; the dominated (3,3) keeps nothing
        double[][] good = {{1, 3}, {2, 2}, {3, 1}, {3, 3}};
        double[] w = ParetoSplit.weights(good);
        assertEquals(0.3, w[0], 1e-9);
        assertEquals(1.0, w[1], 0);
        assertEquals(0.3, w[2], 1e-9);
        assertEquals(ParetoSplit.EPS / (1 + ParetoSplit.EPS), w[3], 1e-24, "zero contribution: epsilon, not zero");
    }

    @Test
    void oneObservationOrTwinsWeighOne() {
        assertArrayEquals(new double[] {1}, ParetoSplit.weights(new double[][] {{7, 8}}));
        assertArrayEquals(new double[] {1, 1}, ParetoSplit.weights(new double[][] {{1, 1}, {1, 1}}), 0);
        assertArrayEquals(new double[0], ParetoSplit.weights(new double[0][]));
    }

    @Test
    void theReferencePointIsTenPercentBeyondTheWorstOnEitherSideOfZero() {
        double[] r = ParetoSplit.referencePoint(new double[][] {{-20, 0, 1}, {-10, -3, 2}});
        assertArrayEquals(new double[] {-9, ParetoSplit.EPS, 2.2}, r, 1e-12);
    }

    @Test
    void aGroupLargerThanTheObservationsIsRejectedNamingItsSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParetoSplit.below(LOSSES, 8));
        assertTrue(e.getMessage().contains("between 0 and the 7 observation(s), but its size is 8"), e.getMessage());
    }
}
