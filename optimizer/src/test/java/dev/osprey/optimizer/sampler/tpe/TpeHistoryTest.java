package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TpeHistoryTest {

    private static TrialRecord trial(int number, TrialState state, Double value, Map<Integer, Double> steps,
                                     Map<String, Double> params) {
        Map<String, Param> p = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, new Param(Distribution.floats(-10, 10), v)));
        return new TrialRecord(number + 1, number, state, value == null ? List.of() : List.of(value), p,
                new TreeMap<>(steps), Map.of(), Map.of(), Optional.empty(), Optional.empty());
    }

    private static BitSet bits(int... numbers) {
        BitSet b = new BitSet();
        for (int n : numbers) {
            b.set(n);
        }
        return b;
    }

    @Test
    void theGoodGroupIsTheBestCompleteTrialsThenThePrunedThatGotFurthest() {
        List<TrialRecord> trials = new ArrayList<>();
        trials.add(trial(0, TrialState.COMPLETE, 5.0, Map.of(), Map.of("x", 1.0)));
        trials.add(trial(1, TrialState.COMPLETE, 1.0, Map.of(), Map.of("x", 2.0)));
        trials.add(trial(2, TrialState.PRUNED, null, Map.of(0, 0.5, 3, 9.0), Map.of("x", 3.0)));
        trials.add(trial(3, TrialState.PRUNED, null, Map.of(0, 0.1), Map.of("x", 4.0)));
        trials.add(trial(4, TrialState.FAIL, null, Map.of(), Map.of("x", 5.0)));
        trials.add(trial(5, TrialState.PRUNED, null, Map.of(), Map.of("x", 6.0)));
        trials.add(trial(6, TrialState.COMPLETE, 3.0, Map.of(), Map.of("x", 7.0)));
        trials.add(trial(7, TrialState.RUNNING, null, Map.of(), Map.of("x", 8.0)));
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        List<TrialRecord> running = history.update(trials, 99);

        assertEquals(List.of(7), running.stream().map(TrialRecord::number).toList());
        assertEquals(6, history.observations(), "COMPLETE and PRUNED trials; FAIL and RUNNING are not observations");
        assertEquals(bits(1), history.below(1));
        assertEquals(bits(1, 6, 0), history.below(3));
        // after every COMPLETE trial: the pruned one with the later step (2), then 3, then never-reported 5
        assertEquals(bits(0, 1, 6, 2), history.below(4));
        assertEquals(bits(0, 1, 6, 2, 3), history.below(5));
        assertEquals(bits(0, 1, 2, 3, 5, 6), history.below(6));
    }

    @Test
    void observationsFollowTrialNumbersAndIncludeRunningTrialsAmongTheRest() {
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trials.add(i == 3
                    ? trial(i, TrialState.RUNNING, null, Map.of(), Map.of())
                    : trial(i, TrialState.COMPLETE, (double) (6 - i), Map.of(), Map.of("x", (double) i)));
        }
        TpeHistory history = new TpeHistory(Direction.MAXIMIZE);
        history.update(trials, 99);
        BitSet below = history.below(2); // maximise: trials 0 and 1 are best
        assertEquals(bits(0, 1), below);
        double[][] good = history.observations(List.of("x"), below, true, List.of(), List.of());
        double[][] rest = history.observations(List.of("x"), below, false, List.of(Map.of("x", 9.5)), List.of(3));
        assertEquals(List.of(0.0, 1.0), toList(good[0]));
        // running trial 3 (its joint sample says x = 9.5) takes its place between trials 2 and 4
        assertEquals(List.of(2.0, 9.5, 4.0, 5.0), toList(rest[0]));
    }

    @Test
    void theSharedSearchSpaceShrinksToParametersEveryTrialHas() {
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.update(List.of(
                trial(0, TrialState.COMPLETE, 1.0, Map.of(), Map.of("x", 1.0, "y", 2.0)),
                trial(1, TrialState.COMPLETE, 2.0, Map.of(), Map.of("x", 1.5))), 99);
        assertEquals(List.of("x"), List.copyOf(history.intersection().keySet()));
        assertEquals(List.of(List.of("x"), List.of("y")),
                history.groups().stream().map(List::copyOf).toList());
    }

    private static List<Double> toList(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) {
            out.add(v);
        }
        return out;
    }
}
