package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.complete;
import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.inState;
import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GenerationsTest {

    private final Generations generations = new Generations(2, List.of(Direction.MINIMIZE, Direction.MINIMIZE),
            (pool, size, directions, constrained, rng) -> Survival.select(pool, size, directions, constrained), 0);

    @Test
    void generationsAreBlocksOfConsecutiveTrialNumbers() {
        assertEquals(0, generations.of(0));
        assertEquals(0, generations.of(1));
        assertEquals(1, generations.of(2));
        assertEquals(7, generations.of(15));
    }

    @Test
    void parentsAreTheSurvivorsOfTheLastGenerationAndItsParents() {
        List<TrialRecord> trials = new ArrayList<>(List.of(
                complete(0, 1, 4), complete(1, 4, 1),                 // generation 0
                complete(2, 0.5, 0.5), inState(3, TrialState.FAIL),   // generation 1
                inState(4, TrialState.RUNNING)));                      // generation 2, trial 5 not asked yet
        assertEquals(List.of(), generations.parents(0, trials), "generation 0 is random");
        assertEquals(List.of(0, 1), numbers(generations.parents(1, trials)));
        // (0.5,0.5) dominates both parents; of those, the tie at infinite crowding goes to trial 0
        assertEquals(List.of(2, 0), numbers(generations.parents(2, trials)));
        assertEquals(List.of(2, 0), numbers(generations.parents(3, trials)), "generation 2 has nothing COMPLETE yet");

        // when trial 4 finishes, generation 3's parents change: running trials did not settle them
        trials.set(4, complete(4, 0, 0));
        trials.add(inState(5, TrialState.PRUNED));
        assertEquals(List.of(4, 2), numbers(generations.parents(3, trials)));
        assertEquals(List.of(2, 0), numbers(generations.parents(2, trials)), "settled generations stay as they were");
    }
}
