package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrowdedTournamentTest {

    private static final List<Direction> MIN_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

    /** Front 0: (0,10) (1,9) (2,8.5) (10,0), the middle two crowded; front 1: (5,9.5) and (11, 11). */
    private static final List<TrialRecord> PARENTS = List.of(complete(0, 0, 10), complete(1, 1, 9),
            complete(2, 2, 8.5), complete(3, 10, 0), complete(4, 5, 9.5), complete(5, 11, 11));

    @Test
    void theBetterRankWinsThenTheLessCrowded() {
        Map<Integer, Integer> wins = new HashMap<>();
        CrowdedTournament tournament = new CrowdedTournament(PARENTS, MIN_MIN, false);
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 6000; i++) {
            wins.merge(tournament.pick(PARENTS, List.of(), rng).number(), 1, Integer::sum);
        }
        // a parent wins every draw against a worse one: the last (rank 2) only against itself
        assertEquals(6000 / 36.0, wins.getOrDefault(5, 0), 60);
        // the extremes of front 0 (infinite distance) beat its crowded middle members
        assertTrue(wins.get(0) > wins.get(1) && wins.get(3) > wins.get(2), wins.toString());
        // in the middle, (2, 8.5) has distance (10-1)/10 + (9-0)/10 = 1.8, (1, 9) only 0.2 + 0.15
        assertTrue(wins.get(2) > wins.get(1), wins.toString());
    }

    @Test
    void aChosenParentIsNotDrawnAgain() {
        CrowdedTournament tournament = new CrowdedTournament(PARENTS.subList(0, 2), MIN_MIN, false);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            TrialRecord first = tournament.pick(PARENTS.subList(0, 2), List.of(), rng);
            TrialRecord second = tournament.pick(PARENTS.subList(0, 2), List.of(first), rng);
            assertNotEquals(first.number(), second.number());
        }
    }
}
