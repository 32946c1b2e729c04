package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TPE's history of a study with several objectives: loss vectors, the Pareto split and its weights. */
class ParetoHistoryTest {

    /** Losses (minimised) of trials 0..6: rank 0 is 0, 1, 2, 6; rank 1 is 3 and 4; rank 2 is 5. */
    private static final double[][] LOSSES = {{1, 5}, {5, 1}, {3, 3}, {4, 4}, {2, 6}, {6, 6}, {2, 4}};

    private static TrialRecord trial(int number, TrialState state, List<Double> values, Map<String, Double> params) {
        Map<String, Param> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, new Param(Distribution.floats(-10, 10), v)));
        return new TrialRecord(number + 1, number, state, values, p, new TreeMap<>(), Map.of(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    /** The second objective is maximised: its values are the negated losses. */
    private static TpeHistory history(List<TrialRecord> running) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < LOSSES.length; i++) {
            Map<String, Double> params = i == 6 ? Map.of("y", 6.0) : Map.of("x", (double) i, "y", (double) i);
            trials.add(trial(i, TrialState.COMPLETE, List.of(LOSSES[i][0], -LOSSES[i][1]), params));
        }
        trials.add(trial(7, TrialState.PRUNED, List.of(), Map.of("x", 7.0, "y", 7.0)));
        trials.add(trial(8, TrialState.RUNNING, List.of(), Map.of("x", 8.0)));
        trials.add(trial(9, TrialState.FAIL, List.of(), Map.of("x", 9.0, "y", 9.0)));
        TpeHistory history = new TpeHistory(List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        running.addAll(history.update(trials, 99));
        return history;
    }

    private static BitSet bits(int... numbers) {
        BitSet b = new BitSet();
        for (int n : numbers) {
            b.set(n);
        }
        return b;
    }

    @Test
    void onlyCompleteTrialsAreObservationsAndPrunedOnesStayOutOfBothGroups() {
        List<TrialRecord> running = new ArrayList<>();
        TpeHistory history = history(running);
        assertTrue(history.multiObjective());
        assertEquals(7, history.observations(), "COMPLETE trials only: PRUNED, RUNNING and FAIL are not observations");
        assertEquals(List.of(8), running.stream().map(TrialRecord::number).toList());
        BitSet below = history.below(4);
        assertEquals(bits(0, 1, 2, 6), below);
        double[][] rest = history.observations(List.of("x"), below, false, List.of(Map.of("x", 8.0)), List.of(8));
        assertArrayEquals(new double[] {3, 4, 5, 8}, rest[0], "trial 7 (pruned) is in neither group; running 8 is bad");
    }

    @Test
    void theSplitRespectsDirectionsAndCutsTheLastRankByHypervolume() {
        TpeHistory history = history(new ArrayList<>());
        assertEquals(bits(2, 6), history.below(2));
        assertEquals(bits(0, 1, 2, 4, 6), history.below(5));
        assertEquals(bits(0, 1, 2, 3, 4, 5, 6), history.below(10), "a group larger than the trials takes them all");
    }

    @Test
    void goodObservationsCarryTheirContributionWeightsAlignedWithTheTrialsThatHaveTheParameters() {
        TpeHistory history = history(new ArrayList<>());
        BitSet below = history.below(5);
        double[] all = ParetoSplit.weights(new double[][] {LOSSES[0], LOSSES[1], LOSSES[2], LOSSES[4], LOSSES[6]});
        assertArrayEquals(all, history.belowWeights(List.of("y"), below), 0);
        // trial 6 has no x: its weight goes with it
        assertArrayEquals(new double[] {all[0], all[1], all[2], all[3]}, history.belowWeights(List.of("x"), below), 0);
        assertTrue(all[3] < 1e-9, "trial 4 (2,6) is dominated by trial 6 (2,4) inside the group: epsilon weight");
        assertEquals(1.0, java.util.Arrays.stream(all).max().orElseThrow(), 0);
        assertArrayEquals(new double[] {0, 1, 2, 4}, history.observations(List.of("x"), below, true, List.of(), List.of())[0]);
    }

    @Test
    void singleObjectiveHistoriesHaveNoBelowWeightsOfTheirOwn() {
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> history.belowWeights(List.of("x"), new BitSet()));
        assertTrue(e.getMessage().contains("single direction, MINIMIZE"), e.getMessage());
    }

    @Test
    void aCompleteTrialWithTheWrongNumberOfValuesIsReportedByNumber() {
        TpeHistory history = new TpeHistory(List.of(Direction.MINIMIZE, Direction.MINIMIZE));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> history.update(List.of(trial(3, TrialState.COMPLETE, List.of(1.0), Map.of())), 99));
        assertTrue(e.getMessage().contains("trial 3 has [1.0]"), e.getMessage());
    }
}
