package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.complete;
import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.numbers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SurvivalTest {

    private static final List<Direction> MIN_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

    /** One front: (0,10) (1,8) (3,5) (6,1) (10,0). */
    private static final List<TrialRecord> FRONT = List.of(
            complete(0, 0, 10), complete(1, 1, 8), complete(2, 3, 5), complete(3, 6, 1), complete(4, 10, 0));

    @Test
    void frontsRespectDirectionsAndTwinsShareAFront() {
        List<TrialRecord> population = List.of(
                complete(0, 1, 5), complete(1, 2, 6), complete(2, 3, 4), complete(3, 0, 0), complete(4, 2, 6));
        // minimise the first, maximise the second: (3,4) is dominated by (1,5) only
        List<List<TrialRecord>> fronts = Survival.fronts(population, List.of(Direction.MINIMIZE, Direction.MAXIMIZE), false);
        assertEquals(List.of(List.of(0, 1, 3, 4), List.of(2)), fronts.stream().map(NsgaTrials::numbers).toList());
        // minimising both: (0,0) dominates everything; then (1,5) and (3,4); then (2,6) twice
        fronts = Survival.fronts(population, MIN_MIN, false);
        assertEquals(List.of(List.of(3), List.of(0, 2), List.of(1, 4)), fronts.stream().map(NsgaTrials::numbers).toList());
    }

    @Test
    void constrainedFrontsPutFeasibleTrialsFirstAndInfeasibleOnesByViolation() {
        List<TrialRecord> population = List.of(
                NsgaTrials.constrained(0, new double[] {2.0, -1}, 0, 0),
                NsgaTrials.constrained(1, new double[] {-1, 0}, 5, 5),
                NsgaTrials.constrained(2, new double[] {0.5, 0.5}, 1, 1),
                NsgaTrials.constrained(3, new double[] {-3, -3}, 4, 6),
                NsgaTrials.constrained(4, new double[] {1.0, -5}, 9, 9));
        List<List<TrialRecord>> fronts = Survival.fronts(population, MIN_MIN, true);
        // feasible: (5,5) and (4,6) do not dominate each other; then violations 1.0 (two), then 2.0
        assertEquals(List.of(List.of(1, 3), List.of(2, 4), List.of(0)),
                fronts.stream().map(NsgaTrials::numbers).toList());
        assertEquals(List.of(1, 3, 2), numbers(Survival.select(population, 3, MIN_MIN, true)).stream().sorted(
                (a, b) -> a == 2 ? 1 : b == 2 ? -1 : Integer.compare(a, b)).toList());
        assertEquals(List.of(List.of(0), List.of(2), List.of(1, 3), List.of(4)),
                Survival.fronts(population, MIN_MIN, false).stream().map(NsgaTrials::numbers).toList(),
                "unconstrained, the objectives alone decide");
    }

    @Test
    void crowdingDistanceSumsTheNeighbourGapsOverEachObjectivesRange() {
        double inf = Double.POSITIVE_INFINITY;
        // f1: (3-0)/10, (6-1)/10, (10-3)/10; f2: (10-5)/10, (8-1)/10, (5-0)/10
        assertArrayEquals(new double[] {inf, 0.8, 1.2, 1.2, inf}, Survival.crowdingDistances(FRONT), 1e-12);
    }

    @Test
    void anObjectiveWhereAllAgreeAddsNothingAndEqualNeighboursGapZero() {
        List<TrialRecord> flat = List.of(complete(0, 1, 2), complete(1, 1, 2), complete(2, 1, 2));
        assertArrayEquals(new double[] {0, 0, 0}, Survival.crowdingDistances(flat), 0);
    }

    @Test
    void theFrontThatDoesNotFitKeepsItsLeastCrowdedMembers() {
        // the extremes, then (3,5) and (6,1) tie at 1.2: the lower trial number survives
        assertEquals(List.of(0, 4, 2), numbers(Survival.select(FRONT, 3, MIN_MIN, false)));
        List<TrialRecord> population = List.of(complete(5, 0.5, 0.5), FRONT.get(0), FRONT.get(1), FRONT.get(2),
                FRONT.get(3), FRONT.get(4));
        // (0.5,0.5) dominates (1,8), (3,5) and (6,1): it and the two extremes fill the three places
        List<Integer> survivors = numbers(Survival.select(population, 3, MIN_MIN, false));
        assertEquals(List.of(5, 0, 4), survivors);
        assertEquals(6, Survival.select(population, 10, MIN_MIN, false).size(), "a population smaller than the size survives whole");
    }
}
