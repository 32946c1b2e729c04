package dev.osprey.optimizer.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonDominatedSortTest {

    private static final double[][] TWO_D = {
            {1, 5}, {2, 3}, {4, 1}, {3, 4}, {5, 5}, {2, 3}, {6, 6}};

    @Test
    void twoObjectivesPeelFrontAfterFrontAndDuplicatesShareARank() {
        // (3,4) is dominated by (2,3); (5,5) by (3,4); (6,6) by (5,5); the copy of (2,3) stays on the front
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 0, 3}, NonDominatedSort.ranks(TWO_D));
    }

    @Test
    void threeObjectives() {
        double[][] losses = {{1, 2, 3}, {3, 2, 1}, {2, 2, 2}, {2, 3, 3}, {4, 4, 4}, {1, 2, 3}};
        // (2,3,3) is dominated by (1,2,3) only; (4,4,4) by everything but is alone after (2,3,3)
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 0}, NonDominatedSort.ranks(losses));
    }

    @Test
    void peelingStopsOnceEnoughPointsAreRankedAndTheRestShareTheNextRank() {
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 0, 1}, NonDominatedSort.ranks(TWO_D, 1));
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 0, 2}, NonDominatedSort.ranks(TWO_D, 5));
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 0, 3}, NonDominatedSort.ranks(TWO_D, 6));
    }

    @Test
    void dominationNeedsOneStrictlyBetterObjective() {
        assertTrue(NonDominatedSort.dominates(new double[] {1, 2}, new double[] {1, 3}));
        assertFalse(NonDominatedSort.dominates(new double[] {1, 2}, new double[] {1, 2}));
        assertFalse(NonDominatedSort.dominates(new double[] {1, 4}, new double[] {2, 3}));
    }

    @Test
    void vectorsOfDifferentLengthsOrNaNAreRejectedNamingTheVector() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NonDominatedSort.ranks(new double[][] {{1, 2}, {1, 2, 3}}));
        assertTrue(e.getMessage().contains("vector 1 has 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NonDominatedSort.ranks(new double[][] {{1, 2}, {Double.NaN, 2}}));
        assertTrue(e.getMessage().contains("vector 1 is [NaN, 2.0]"), e.getMessage());
    }

    @Test
    void infeasiblePointsFollowTheFeasibleFrontsOneRankPerViolation() {
        double[][] losses = {{1, 5}, {0, 0}, {2, 3}, {0, 1}, {3, 4}, {9, 9}};
        double[] violations = {0, 2, 0, 0.5, 0, 2};
        // feasible: (1,5) and (2,3) front 0, (3,4) front 1; infeasible: 0.5 then the two 2s
        assertArrayEquals(new int[] {0, 3, 0, 2, 1, 3}, NonDominatedSort.ranks(losses, violations, losses.length));
        assertArrayEquals(new int[] {0, 2, 0, 2, 1, 2}, NonDominatedSort.ranks(losses, violations, 3),
                "peeling stops after the feasible fronts that hold 3 points; the rest share the next rank");
        assertArrayEquals(new int[] {0, 2, 0, 1, 0, 2}, NonDominatedSort.ranks(new double[][] {{1, 5}, {0, 0},
                {2, 3}, {0, 1}, {3, 1}, {9, 9}}, violations, 4));
    }

    /** Against Deb's pairwise sort with constrained domination, on random points with ties in both. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void constrainedRanksMatchDebsConstrainedDomination(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 40;
        double[][] losses = new double[n][2 + (int) (seed % 2)];
        double[] violations = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < losses[i].length; k++) {
                losses[i][k] = rng.nextInt(6);
            }
            violations[i] = rng.nextInt(3) == 0 ? 0 : rng.nextInt(4);
        }
        int[] expected = new int[n];
        Arrays.fill(expected, -1);
        int left = n;
        for (int rank = 0; left > 0; rank++) {
            boolean[] front = new boolean[n];
            for (int i = 0; i < n; i++) {
                boolean dominated = expected[i] >= 0;
                for (int j = 0; j < n && !dominated; j++) {
                    dominated = expected[j] < 0 && Feasibility.constrainedDominates(losses[j], violations[j],
                            losses[i], violations[i]);
                }
                front[i] = !dominated;
            }
            for (int i = 0; i < n; i++) {
                if (front[i]) {
                    expected[i] = rank;
                    left--;
                }
            }
        }
        assertArrayEquals(expected, NonDominatedSort.ranks(losses, violations, n));
    }

    /** Against the definition: a point's rank is the number of fronts peeled before nothing left dominates it. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void ranksMatchTheDefinitionOnRandomPointsWithTies(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int objectives = 2 + (int) (seed % 3);
        double[][] losses = new double[40][objectives];
        for (double[] loss : losses) {
            for (int k = 0; k < objectives; k++) {
                loss[k] = rng.nextInt(6); // few values: ties and duplicates
            }
        }
        assertArrayEquals(byDefinition(losses), NonDominatedSort.ranks(losses), () -> Arrays.deepToString(losses));
    }

    /** Optuna 3.1's {@code _calculate_nondomination_rank}: a point gets the rank at which no unranked point dominates it. */
    private static int[] byDefinition(double[][] losses) {
        int[] ranks = new int[losses.length];
        Arrays.fill(ranks, -1);
        int unranked = losses.length;
        for (int rank = 0; unranked > 0; rank++) {
            boolean[] front = new boolean[losses.length];
            for (int i = 0; i < losses.length; i++) {
                if (ranks[i] >= 0) {
                    continue;
                }
                front[i] = true;
                for (int j = 0; j < losses.length; j++) {
                    if (ranks[j] < 0 && NonDominatedSort.dominates(losses[j], losses[i])) {
                        front[i] = false;
                    }
                }
            }
            for (int i = 0; i < losses.length; i++) {
                if (front[i]) {
                    ranks[i] = rank;
                    unranked--;
                }
            }
        }
        return ranks;
    }
}
