package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Trial records for the NSGA-II tests. */
final class NsgaTrials {

    private NsgaTrials() {
    }

    static TrialRecord complete(int number, double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return new TrialRecord(number + 1, number, TrialState.COMPLETE, list, Map.of(), new TreeMap<>(), Map.of(),
                Map.of(), Optional.empty(), Optional.empty());
    }

    /** A COMPLETE trial that carries constraint values. */
    static TrialRecord constrained(int number, double[] constraints, double... values) {
        TrialRecord plain = complete(number, values);
        List<Double> list = new ArrayList<>();
        for (double c : constraints) {
            list.add(c);
        }
        return new TrialRecord(plain.id(), number, TrialState.COMPLETE, plain.values(), Map.of(), new TreeMap<>(),
                Map.of(), Map.of(TrialRecord.CONSTRAINTS, list), Optional.empty(), Optional.empty());
    }

    static TrialRecord inState(int number, TrialState state) {
        return new TrialRecord(number + 1, number, state, List.of(), Map.of(), new TreeMap<>(), Map.of(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    static List<Integer> numbers(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::number).toList();
    }
}
