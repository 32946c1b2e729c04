package dev.osprey.optimizer;

import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Constraints on trials: stored as the {@code constraints} system attribute by
 * {@link Trial#setConstraints} or the study's constraints function, checked, and ranked
 * feasible-first by the study's results.
 */
class StudyConstraintsTest {

    private static Study study(Direction... directions) {
        return Study.builder().directions(directions).sampler(Samplers.random()).seed(1).create();
    }

    @Test
    void setConstraintsStoresTheValuesAndTheirViolation() {
        Study study = study(Direction.MINIMIZE);
        Trial trial = study.ask();
        trial.setConstraints(-1.0, 0.25, 2.0);
        TrialRecord told = study.tell(trial, 3.0);
        assertEquals(List.of(-1.0, 0.25, 2.0), told.constraints());
        assertEquals(List.of(-1.0, 0.25, 2.0), told.systemAttrs().get(TrialRecord.CONSTRAINTS));
        assertEquals(2.25, told.constraintViolation().orElseThrow(), 1e-12);
    }

    @Test
    void aTrialWithoutConstraintsHasNoViolation() {
        Study study = study(Direction.MINIMIZE);
        TrialRecord told = study.tell(study.ask(), 1.0);
        assertEquals(List.of(), told.constraints());
        assertTrue(told.constraintViolation().isEmpty());
        assertEquals(List.of(), study.infeasibleTrials());
    }

    @Test
    void aNanConstraintIsRefusedByItsIndex() {
        Study study = study(Direction.MINIMIZE);
        Trial trial = study.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trial.setConstraints(0.0, Double.NaN));
        assertTrue(e.getMessage().contains("constraint 1 of trial 0 is NaN"), e.getMessage());
        assertTrue(study.trials().get(0).constraints().isEmpty(), "nothing is stored");
    }

    @Test
    void anotherNumberOfConstraintsThanEarlierTrialsIsRefused() {
        Study study = study(Direction.MINIMIZE);
        Trial first = study.ask();
        first.setConstraints(0.0, 1.0);
        study.tell(first, 1.0);
        Trial second = study.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> second.setConstraints(0.0));
        assertTrue(e.getMessage().contains("trial 1 has 1 constraint value(s), but trial 0"), e.getMessage());
    }

    @Test
    void namedConstraintsKeepTheirNamesInTheOrderTheStudyFirstStoredThem() {
        Study study = study(Direction.MINIMIZE);
        Trial first = study.ask();
        first.setConstraints(orderedMap("memory_gb", -12.9, "accuracy", 0.2));
        TrialRecord one = study.tell(first, 1.0);
        assertEquals(List.of("memory_gb", "accuracy"), one.constraintNames());
        assertEquals(List.of(-12.9, 0.2), one.constraints());
        Trial second = study.ask();
        second.setConstraints(orderedMap("accuracy", -0.1, "memory_gb", 3.0));
        TrialRecord two = study.tell(second, 2.0);
        assertEquals(List.of(3.0, -0.1), two.constraints(), "values line up by position with the first trial's");
        assertEquals(Map.of("memory_gb", 3.0, "accuracy", -0.1), two.namedConstraints());
        assertEquals(3.0, two.constraintViolation().orElseThrow(), 1e-12);
    }

    @Test
    void aMissingOrUnknownNamedConstraintIsRefusedByName() {
        Study study = study(Direction.MINIMIZE);
        Trial first = study.ask();
        first.setConstraints(orderedMap("memory_gb", -1.0, "accuracy", 0.2));
        study.tell(first, 1.0);
        Trial second = study.ask();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> second.setConstraints(orderedMap("memory_gb", -1.0)));
        assertTrue(missing.getMessage().startsWith("trial 1 has no value for the constraint 'accuracy'"),
                missing.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> second.setConstraints(orderedMap("memory_gb", -1.0, "accuracy", 0.0, "disk", 1.0)));
        assertTrue(unknown.getMessage().startsWith("trial 1 has the constraint 'disk', which trial 0"),
                unknown.getMessage());
        assertTrue(study.trials().get(1).constraints().isEmpty(), "nothing is stored");
    }

    @Test
    void trialsStoredWithoutNamesReadAsC0C1() {
        Study study = study(Direction.MINIMIZE);
        Trial trial = study.ask();
        trial.setConstraints(-1.0, 0.5);
        TrialRecord told = study.tell(trial, 1.0);
        assertEquals(List.of("c0", "c1"), told.constraintNames());
        assertEquals(Map.of("c0", -1.0, "c1", 0.5), told.namedConstraints());
    }

    private static Map<String, Double> orderedMap(Object... pairs) {
        Map<String, Double> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return map;
    }

    @Test
    void theConstraintsFunctionRunsAtTellForCompleteAndPrunedTrialsOnly() {
        Study study = Study.builder().sampler(Samplers.random()).seed(3)
                .constraints(t -> new double[] {t.values().isEmpty() ? -5 : t.value() - 0.5})
                .create();
        TrialRecord complete = study.tell(study.ask(), 0.75);
        assertEquals(List.of(0.25), complete.constraints());
        Trial pruned = study.ask();
        pruned.report(0, 0.1);
        assertEquals(List.of(-0.4), study.tell(pruned, TrialState.PRUNED).constraints().stream()
                .map(c -> Math.round(c * 1e9) / 1e9).toList(), "the function sees the pruned trial's value");
        TrialRecord failed = study.tell(study.ask(), TrialState.FAIL);
        assertEquals(List.of(), failed.constraints());
    }

    @Test
    void aNanFromTheConstraintsFunctionFailsTheTrialSayingWhich() {
        Study study = Study.builder().sampler(Samplers.random()).seed(3)
                .constraints(t -> new double[] {0, Double.NaN}).create();
        TrialRecord told = study.tell(study.ask(), 1.0);
        assertEquals(TrialState.FAIL, told.state());
        assertTrue(told.failReason().orElseThrow().contains("constraint 1 of trial 0 is NaN"), told.failReason().get());
        assertEquals(1, study.trials().size(), "the study keeps its one trial");
    }

    @Test
    void aThrowingConstraintsFunctionFailsTheTrialWithTheReason() {
        Study study = Study.builder().sampler(Samplers.random()).seed(3)
                .constraints(t -> {
                    throw new IllegalStateException("memory was not measured");
                }).create();
        TrialRecord told = study.tell(study.ask(), 1.0);
        assertEquals(TrialState.FAIL, told.state());
        assertTrue(told.failReason().orElseThrow().contains("memory was not measured"), told.failReason().get());
    }

    @Test
    void bestTrialIsTheBestFeasibleOneEvenWhenAnInfeasibleOneIsBetter() {
        Study study = study(Direction.MINIMIZE);
        tell(study, new double[] {0.1}, 1.0);
        tell(study, new double[] {0.5}, -1.0);
        tell(study, new double[] {0.7}, 0.0);
        assertEquals(1, study.bestTrial().number());
        assertEquals(List.of(0), study.infeasibleTrials().stream().map(TrialRecord::number).toList());
    }

    @Test
    void withNoFeasibleTrialTheLeastViolatingIsBest() {
        Study study = study(Direction.MAXIMIZE);
        tell(study, new double[] {9.0}, 3.0, -1.0);
        tell(study, new double[] {1.0}, 0.5, 0.5);
        tell(study, new double[] {2.0}, 0.1, -2.0);
        assertEquals(2, study.bestTrial().number(), "violation 0.1 is the smallest");
        assertEquals(3, study.infeasibleTrials().size());
    }

    @Test
    void theParetoFrontHoldsFeasibleTrialsOnly() {
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE);
        tell(study, new double[] {0.0, 0.0}, 0.0, 10.0);  // dominates everything, but infeasible
        tell(study, new double[] {1.0, 1.0}, -1.0, -1.0);
        tell(study, new double[] {2.0, 3.0}, -1.0, 0.0);
        tell(study, new double[] {3.0, 2.0}, 0.0, -3.0);   // dominated by trial 2
        tell(study, new double[] {2.0, 2.0}, 0.0, 0.0);    // on the boundary: feasible
        assertEquals(List.of(1, 2), numbers(study.bestTrials()));
        assertEquals(List.of(0), numbers(study.infeasibleTrials()));
    }

    @Test
    void inAConstrainedStudyATrialWithoutConstraintsCountsAsInfeasible() {
        Study study = study(Direction.MINIMIZE);
        study.tell(study.ask(), 0.0);
        tell(study, new double[] {5.0}, -1.0);
        assertEquals(1, study.bestTrial().number());
        assertEquals(List.of(0), numbers(study.infeasibleTrials()));
    }

    @Test
    void constraintsSurviveAReload() {
        var storage = Storages.inMemory();
        Study study = Study.builder().storage(storage).name("c").sampler(Samplers.random()).create();
        tell(study, new double[] {1.0}, 1.0, -2.0);
        Study loaded = Study.builder().storage(storage).name("c").load();
        assertEquals(List.of(1.0, -2.0), loaded.trials().get(0).constraints());
        assertEquals(Map.of(TrialRecord.CONSTRAINTS, List.of(1.0, -2.0)), Map.of(TrialRecord.CONSTRAINTS,
                loaded.trials().get(0).systemAttrs().get(TrialRecord.CONSTRAINTS)));
    }

    @Test
    void hypervolumeCountsTheFeasibleFrontInTheStudysDirections() {
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE);
        tell(study, new double[] {0.0, 9.0}, 1.0);   // infeasible: adds nothing
        tell(study, new double[] {1.0, 3.0}, 0.0);
        tell(study, new double[] {2.0, 4.0}, -1.0);
        // reference (4, 1) in the study's directions: losses (1,-3) and (2,-4) up to (4,-1) give 3*2 + 2*1 = 8
        assertEquals(8, study.hypervolume(4, 1), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> study.hypervolume(4, 3.5));
        assertTrue(e.getMessage().contains("does not bound trial 1 with values [1.0, 3.0] in objective 1 (MAXIMIZE)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> study.hypervolume(4));
        assertTrue(e.getMessage().contains("has 1 coordinate(s), but study"), e.getMessage());
    }

    @Test
    void aStudyWithoutFeasibleTrialsHasNoHypervolume() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        tell(study, new double[] {0.0, 0.0}, 1.0);
        assertEquals(0, study.hypervolume(1, 1));
    }

    private static void tell(Study study, double[] values, double... constraints) {
        Trial trial = study.ask();
        trial.suggestFloat("x", 0, 1);
        trial.setConstraints(constraints);
        study.tell(trial, values);
    }

    private static List<Integer> numbers(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::number).toList();
    }
}
