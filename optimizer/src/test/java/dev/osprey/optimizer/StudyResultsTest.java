package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.sampler.Samplers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Best trials, the Pareto front and multi-objective studies. */
class StudyResultsTest {

    private static Study study(Direction... directions) {
        return Study.builder().name("results").sampler(Samplers.random()).directions(directions).seed(4).create();
    }

    private static void tellAll(Study study, double... values) {
        for (double v : values) {
            study.tell(study.ask(), v);
        }
    }

    @Test
    void bestTrialOfAMinimisation() {
        Study study = study(Direction.MINIMIZE);
        tellAll(study, 3, 1, 2, 1);
        study.tell(study.ask(), TrialState.FAIL);
        Trial pruned = study.ask();
        pruned.report(0, -100);
        study.tell(pruned, TrialState.PRUNED);

        assertEquals(1, study.bestTrial().number(), "ties go to the lowest number; PRUNED trials do not count");
        assertEquals(1.0, study.bestValue());
    }

    @Test
    void bestTrialOfAMaximisation() {
        Study study = study(Direction.MAXIMIZE);
        tellAll(study, 3, 5, -1, 5);
        assertEquals(1, study.bestTrial().number());
        assertEquals(5.0, study.bestValue());
    }

    @Test
    void aStudyWithoutCompleteTrialsHasNoBestTrial() {
        Study study = study(Direction.MINIMIZE);
        IllegalStateException empty = assertThrows(IllegalStateException.class, study::bestTrial);
        assertTrue(empty.getMessage().contains("'results'") && empty.getMessage().contains("no COMPLETE trial"),
                empty.getMessage());
        study.tell(study.ask(), TrialState.FAIL);
        study.ask();
        assertThrows(IllegalStateException.class, study::bestValue);
        assertEquals(List.of(), study.bestTrials());
    }

    @Test
    void bestTrialsOfOneObjectiveAreTheTiedBest() {
        Study study = study(Direction.MINIMIZE);
        tellAll(study, 2, 1, 3, 1);
        assertEquals(List.of(1, 3), study.bestTrials().stream().map(TrialRecord::number).toList());
    }

    @Test
    void bestTrialsOfTwoObjectivesAreTheParetoFront() {
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE);
        double[][] values = {{1, 2}, {2, 3}, {0, 0}, {2, 2}, {1, 2}, {3, 3}, {0, -1}, {3, 4}};
        for (double[] v : values) {
            study.tell(study.ask(), v);
        }
        study.tell(study.ask(), TrialState.FAIL);
        // minimise the first, maximise the second: (2,2) and (3,3) lose to (2,3), (0,-1) to (0,0);
        // the two equal (1,2) dominate neither each other nor are dominated
        assertEquals(List.of(0, 1, 2, 4, 7), study.bestTrials().stream().map(TrialRecord::number).toList());
    }

    @Test
    void singleBestTrialNeedsOneObjective() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        study.tell(study.ask(), 1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, study::bestTrial);
        assertTrue(e.getMessage().contains("bestTrials"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> study.optimize(trial -> 1.0, 1));
    }

    @Test
    void optimizeAMultiObjectiveFunction() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        MultiObjective tradeOff = trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            return new double[] {x, 1 - x};
        };
        study.optimizeMulti(tradeOff, Budget.trials(10));

        List<TrialRecord> trials = study.trials();
        assertEquals(10, trials.size());
        for (TrialRecord trial : trials) {
            double x = (Double) trial.paramValues().get("x");
            assertEquals(List.of(x, 1 - x), trial.values());
        }
        assertEquals(10, study.bestTrials().size(), "on the line x + y = 1 no trial dominates another");
    }

    @Test
    void aMultiObjectiveStudyWithTheDefaultSamplerRunsPastTheStartupTrials() {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).seed(2).create();
        study.optimizeMulti(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            return new double[] {x, x * x};
        }, Budget.trials(15));
        List<TrialRecord> trials = study.trials();
        assertEquals(15, trials.size());
        trials.forEach(t -> assertEquals(TrialState.COMPLETE, t.state(), () -> t.number() + " " + t.failReason()));
    }

    @Test
    void aMultiObjectiveFunctionWithTheWrongNumberOfValuesFailsItsTrial() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        study.optimizeMulti(trial -> switch (trial.number()) {
            case 0 -> new double[] {1};
            case 1 -> null;
            default -> new double[] {1, 2};
        }, Budget.trials(3));

        List<TrialRecord> trials = study.trials();
        assertEquals(List.of(TrialState.FAIL, TrialState.FAIL, TrialState.COMPLETE),
                trials.stream().map(TrialRecord::state).toList());
        assertTrue(trials.get(0).failReason().orElseThrow().contains("1 value(s)"), trials.get(0).failReason()::get);
    }
}
