package dev.osprey.optimizer.importance;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportancesTest {

    static Stream<ImportanceEvaluator> evaluators() {
        return Stream.of(Importances.fanova(0), Importances.pedAnova());
    }

    private static List<String> order(Map<String, Double> importances) {
        return List.copyOf(importances.keySet());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void theParameterThatDrivesTheObjectiveRanksFirstAndSharesSumToOne(ImportanceEvaluator evaluator) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("a", Distribution.floats(0, 1));
        space.put("b", Distribution.floats(0, 1));
        space.put("c", Distribution.floats(0, 1));
        List<TrialRecord> trials = SyntheticStudies.random(space, 300, 7, p -> 100 * Math.pow(p.get("b") - 0.3, 2));

        Map<String, Double> importances = evaluator.evaluate(trials, 0, Direction.MINIMIZE);

        assertEquals("b", order(importances).get(0), importances.toString());
        assertTrue(importances.get("b") > 0.8, importances.toString());
        assertTrue(importances.get("a") < 0.1, importances.toString());
        assertTrue(importances.get("c") < 0.1, importances.toString());
        assertEquals(1.0, importances.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        List<Double> values = List.copyOf(importances.values());
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) >= values.get(i), "most important first: " + importances);
        }
    }

    @Test
    void fanovaOrdersFiveParametersByTheirInfluenceAndIsDeterministicForASeed() {
        List<TrialRecord> trials = SyntheticStudies.fiveParams(200, 1);

        Map<String, Double> first = Importances.fanova(3).evaluate(trials, 0, Direction.MINIMIZE);
        Map<String, Double> again = Importances.fanova(3).evaluate(trials, 0, Direction.MINIMIZE);
        Map<String, Double> otherSeed = Importances.fanova(4).evaluate(trials, 0, Direction.MINIMIZE);

        assertEquals(List.of("x", "kind", "layers"), order(first).subList(0, 3), first.toString());
        assertTrue(first.get("noise") < 0.02, first.toString());
        assertEquals(first, again);
        assertEquals(order(first), order(again));
        assertNotEquals(first, otherSeed);
        assertEquals(List.of("x", "kind", "layers"), order(otherSeed).subList(0, 3), otherSeed.toString());
    }

    @Test
    void pedAnovaLooksAtTheBestTrialsOfTheGivenDirection() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("low_matters", Distribution.floats(0, 1));
        space.put("high_matters", Distribution.floats(0, 1));
        // The smallest values need low_matters near 0; the largest need high_matters near 1.
        List<TrialRecord> trials = SyntheticStudies.random(space, 400, 11,
                p -> -Math.exp(-50 * p.get("low_matters")) + Math.exp(-50 * (1 - p.get("high_matters"))));

        Map<String, Double> minimise = Importances.pedAnova().evaluate(trials, 0, Direction.MINIMIZE);
        Map<String, Double> maximise = Importances.pedAnova().evaluate(trials, 0, Direction.MAXIMIZE);

        assertEquals("low_matters", order(minimise).get(0), minimise.toString());
        assertEquals("high_matters", order(maximise).get(0), maximise.toString());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void onlyCompleteTrialsWithAFiniteValueOverTheSharedParametersCount(ImportanceEvaluator evaluator) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("x", Distribution.floats(0, 1));
        space.put("y", Distribution.floats(0, 1));
        List<TrialRecord> trials = new ArrayList<>(SyntheticStudies.random(space, 200, 3, p -> p.get("x")));
        Map<String, Param> withExtra = new LinkedHashMap<>(trials.get(0).params());
        withExtra.put("only_here", new Param(Distribution.floats(0, 1), 0.5));
        trials.set(0, SyntheticStudies.complete(0, withExtra, 0.1));
        trials.add(SyntheticStudies.complete(200, trials.get(1).params(), Double.NaN));
        trials.add(failed(201));

        Map<String, Double> importances = evaluator.evaluate(trials, 0, Direction.MINIMIZE);

        assertEquals(List.of("x", "y"), order(importances));
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void noCompleteTrialOrAMissingObjectiveIsAClearError(ImportanceEvaluator evaluator) {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(List.of(failed(0)), 0, Direction.MINIMIZE));
        assertTrue(none.getMessage().contains("COMPLETE trials with a finite value for objective 0"), none.getMessage());
        assertTrue(none.getMessage().contains("0 COMPLETE trial(s) of 1"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(List.of(), 0, Direction.MINIMIZE));

        List<TrialRecord> single = SyntheticStudies.random(Map.of("only", Distribution.floats(0, 1)), 50, 1,
                p -> p.get("only"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(single, 1, Direction.MINIMIZE));
        assertTrue(missing.getMessage().contains("objective 1 does not exist"), missing.getMessage());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void oneParameterConstantValuesAndFixedParametersHaveDefinedResults(ImportanceEvaluator evaluator) {
        List<TrialRecord> single = SyntheticStudies.random(Map.of("only", Distribution.floats(0, 1)), 50, 1,
                p -> p.get("only"));
        assertEquals(Map.of("only", 1.0), evaluator.evaluate(single, 0, Direction.MINIMIZE));

        Map<String, Distribution> two = new LinkedHashMap<>();
        two.put("p", Distribution.floats(0, 1));
        two.put("q", Distribution.ints(0, 5));
        List<TrialRecord> constant = SyntheticStudies.random(two, 50, 1, p -> 4.0);
        assertEquals(Map.of("p", 0.5, "q", 0.5), evaluator.evaluate(constant, 0, Direction.MINIMIZE));

        Map<String, Distribution> withFixed = new LinkedHashMap<>(two);
        withFixed.put("fixed", Distribution.floats(2, 2));
        List<TrialRecord> fixed = SyntheticStudies.random(withFixed, 80, 1, p -> p.get("p"));
        Map<String, Double> importances = evaluator.evaluate(fixed, 0, Direction.MINIMIZE);
        assertEquals(0.0, importances.get("fixed"));
        assertEquals("p", order(importances).get(0), importances.toString());
    }

    @Test
    void pedAnovaGivesEqualSharesWhenThereAreTooFewTrialsToTell() {
        Map<String, Distribution> two = new LinkedHashMap<>();
        two.put("p", Distribution.floats(0, 1));
        two.put("q", Distribution.floats(0, 1));
        List<TrialRecord> trials = SyntheticStudies.random(two, 2, 1, p -> p.get("p"));

        assertEquals(Map.of("p", 0.5, "q", 0.5), Importances.pedAnova().evaluate(trials, 0, Direction.MINIMIZE));
    }

    private static TrialRecord failed(int number) {
        return new TrialRecord(number, number, TrialState.FAIL, List.of(), Map.of(), new TreeMap<>(), Map.of(),
                Map.of(), Optional.empty(), Optional.empty());
    }
}
