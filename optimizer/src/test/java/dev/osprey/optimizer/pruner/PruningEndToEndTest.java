package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.Objective;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.TrialPrunedException;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.osprey.optimizer.pruner.StudyRuns.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each pruner stops some trials of a real define-by-run study, which keeps what they reported. */
class PruningEndToEndTest {

    private static final int STEPS = 20;

    static Stream<Arguments> pruners() {
        return Stream.of(
                Arguments.of("median", Pruners.median()),
                Arguments.of("percentile", Pruners.percentile(25, 3, 2, 2, 2)),
                Arguments.of("successive halving", Pruners.successiveHalving()),
                Arguments.of("successive halving, explicit", Pruners.successiveHalving(1, 3, 0, 0)),
                Arguments.of("hyperband", Pruners.hyperband()),
                Arguments.of("hyperband, explicit", Pruners.hyperband(1, STEPS, 3)),
                Arguments.of("threshold", Pruners.threshold(null, 1.3)),
                Arguments.of("patient", Pruners.patient(3)),
                Arguments.of("patient around median", Pruners.patient(Pruners.median(), 3, 0.0)));
    }

    /** A learning curve: falls to about x at step 10x, then rises again (over-fitting). */
    static double curve(double x, int step) {
        return x + 1.0 / (step + 1) + (step > 10 * x ? 0.05 * (step - 10 * x) : 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pruners")
    void someTrialsArePrunedAndTheirReportsAreKept(String label, Pruner pruner) {
        Study study = study(pruner);
        Map<Integer, SortedMap<Integer, Double>> reported = new HashMap<>();
        Objective objective = trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            SortedMap<Integer, Double> mine = new TreeMap<>();
            reported.put(trial.number(), mine);
            for (int step = 0; step < STEPS; step++) {
                double value = curve(x, step);
                trial.report(step, value);
                mine.put(step, value);
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return curve(x, STEPS - 1);
        };
        study.optimize(objective, 30);

        List<TrialRecord> trials = study.trials();
        assertEquals(30, trials.size());
        long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        assertTrue(pruned > 0, label + " pruned no trial");
        assertEquals(30, pruned + complete, "no trial may fail");
        for (TrialRecord t : trials) {
            assertEquals(reported.get(t.number()), t.intermediateValues(), "trial " + t.number());
            if (t.state() == TrialState.PRUNED) {
                assertEquals(List.of(t.intermediateValues().get(t.intermediateValues().lastKey())), t.values(),
                        "a pruned trial keeps its last reported value");
            } else {
                assertEquals(STEPS, t.intermediateValues().size());
            }
        }
    }
}
