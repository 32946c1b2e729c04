package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static dev.osprey.optimizer.pruner.StudyRuns.complete;
import static dev.osprey.optimizer.pruner.StudyRuns.reportAndAsk;
import static dev.osprey.optimizer.pruner.StudyRuns.storedSystemAttrs;
import static dev.osprey.optimizer.pruner.StudyRuns.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pruner contract for successive halving with a fixed minimum resource (first rung at step 2), and its rules. */
class SuccessiveHalvingPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.successiveHalving(2, 3, 0, 0);
    }

    @Override
    protected int firstPrunableStep() {
        return 2;
    }

    /** Reports {@code value} at steps 0..lastStep and lists the steps after which a rung attribute appeared. */
    private static List<Integer> rungSteps(Study study, Trial trial, int lastStep, double value) {
        List<Integer> steps = new ArrayList<>();
        int rungs = 0;
        for (int step = 0; step <= lastStep; step++) {
            assertFalse(reportAndAsk(trial, step, value), "step " + step);
            Map<String, Object> attrs = storedSystemAttrs(study, trial);
            while (attrs.containsKey("completed_rung_" + rungs)) {
                steps.add(step);
                rungs++;
            }
        }
        return steps;
    }

    @Test
    void writesARungAttributeAtEachPromotionStep() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 0));
        Trial trial = study.ask();
        assertEquals(List.of(1, 4, 16), rungSteps(study, trial, 20, 0.5));
        Map<String, Object> attrs = storedSystemAttrs(study, trial);
        assertEquals(0.5, ((Number) attrs.get("completed_rung_2")).doubleValue());
        assertFalse(attrs.containsKey("completed_rung_3"));
    }

    @Test
    void promotionStepsScaleWithMinResourceAndEarlyStoppingRate() {
        Study byResource = study(Pruners.successiveHalving(2, 3, 0, 0));
        assertEquals(List.of(2, 6, 18), rungSteps(byResource, byResource.ask(), 20, 1.0));
        Study byRate = study(Pruners.successiveHalving(1, 4, 1, 0));
        assertEquals(List.of(4, 16), rungSteps(byRate, byRate.ask(), 20, 1.0));
    }

    @Test
    void storesTheValueOfTheCurrentStepAndClimbsSeveralRungsAtOnce() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 0));
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 9.0));
        assertFalse(reportAndAsk(trial, 20, 7.0), "the only trial is the best at every rung");
        Map<String, Object> attrs = storedSystemAttrs(study, trial);
        for (int rung = 0; rung <= 2; rung++) {
            assertEquals(7.0, ((Number) attrs.get("completed_rung_" + rung)).doubleValue(), "rung " + rung);
        }
        assertFalse(attrs.containsKey("completed_rung_3"));
    }

    /** Reports {@code value} at steps 0 and 1 (rung 0 with minResource 1) and returns the decision at step 1. */
    private static boolean atRungZero(Study study, double value) {
        Trial trial = study.ask();
        trial.report(0, value);
        return reportAndAsk(trial, 1, value);
    }

    @Test
    void promotesOnlyTheTopFractionOfARung() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 0));
        assertFalse(atRungZero(study, 5.0), "alone at the rung");
        assertFalse(atRungZero(study, 3.0), "best of 2");
        assertTrue(atRungZero(study, 4.0), "fewer than 4 at the rung: only the best goes on");
        assertTrue(atRungZero(study, 6.0), "4 at the rung: top quarter is the best one");
        assertFalse(atRungZero(study, 2.0));
        assertTrue(atRungZero(study, 2.5), "6 at the rung, still only the best");
        assertTrue(atRungZero(study, 3.0), "7 at the rung");
        // 8 values: [2, 2.5, 3, 3, 4, 5, 6, x]; the top quarter is the two best
        assertFalse(atRungZero(study, 2.2), "8 at the rung: the second best goes on");
        assertTrue(atRungZero(study, 2.4), "9 at the rung: 2.4 is third after 2 and 2.2");
    }

    @Test
    void prunedAndRunningTrialsCompeteAtTheRung() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 0));
        Trial running = study.ask();
        running.report(0, 1.0);
        assertFalse(reportAndAsk(running, 1, 1.0));
        assertTrue(atRungZero(study, 1.5), "the RUNNING trial's 1.0 is better");
        Trial stopped = study.ask();
        stopped.report(0, 0.5);
        assertFalse(reportAndAsk(stopped, 1, 0.5));
        study.tell(stopped, TrialState.PRUNED);
        assertTrue(atRungZero(study, 0.8), "the PRUNED trial's 0.5 is better");
    }

    @Test
    void aRepeatedCheckDoesNotRejudgeAPassedRung() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 0));
        Trial passed = study.ask();
        passed.report(0, 5.0);
        assertFalse(reportAndAsk(passed, 1, 5.0), "alone at rung 0");
        for (double better = 1.0; better > 0.5; better -= 0.1) {
            atRungZero(study, better);
        }
        assertFalse(passed.shouldPrune(), "rung 0 is behind it and rung 1 (step 4) is not reached");
        assertEquals(5.0, ((Number) storedSystemAttrs(study, passed).get("completed_rung_0")).doubleValue());
    }

    @Test
    void mirrorsForMaximisation() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 0), Direction.MAXIMIZE);
        assertFalse(atRungZero(study, 5.0));
        assertTrue(atRungZero(study, 4.0), "4 is worse than 5 when maximising");
        assertFalse(atRungZero(study, 6.0));
    }

    @Test
    void nanAtAPromotionStepPrunesWithoutWritingTheRung() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 0));
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, Double.NaN), "step 0 is before the first rung");
        assertTrue(reportAndAsk(trial, 1, Double.NaN));
        assertFalse(storedSystemAttrs(study, trial).containsKey("completed_rung_0"));
    }

    @Test
    void bootstrapPrunesUntilEnoughTrialsReachedTheRung() {
        Study study = study(Pruners.successiveHalving(1, 4, 0, 2));
        assertTrue(atRungZero(study, 1.0), "first of the 2 bootstrap trials");
        assertTrue(atRungZero(study, 0.5), "second of the 2 bootstrap trials");
        assertFalse(atRungZero(study, 0.1), "third: judged normally, and the best");
        assertTrue(atRungZero(study, 0.7));
    }

    @Test
    void autoMinResourceWaitsForACompleteTrialAndScalesWithItsLength() {
        Study study = study(Pruners.successiveHalving());
        Trial early = study.ask();
        for (int step = 0; step <= 30; step++) {
            assertFalse(reportAndAsk(early, step, Double.NaN), "no COMPLETE trial yet");
        }
        assertTrue(storedSystemAttrs(study, early).isEmpty());
        double[] values = new double[500];
        complete(study, values);
        // last step 499: minResource = 499 / 100 = 4, so rungs at 4 and 16
        assertEquals(List.of(4, 16), rungSteps(study, study.ask(), 20, -1.0));
    }

    @Test
    void autoMinResourceIsAtLeastOne() {
        Study study = study(Pruners.successiveHalvingWithAutoMinResource(2, 0));
        complete(study, 1, 1, 1);
        assertEquals(List.of(1, 2, 4), rungSteps(study, study.ask(), 5, 0.0));
    }

    @Test
    void autoMinResourceStaysAtItsFirstEstimate() {
        Study study = study(Pruners.successiveHalving());
        complete(study, new double[100]);
        Trial checked = study.ask();
        assertFalse(reportAndAsk(checked, 0, 1.0), "this check fixes minResource at max(1, 99 / 100) = 1");
        complete(study, new double[1000]);
        assertEquals(List.of(1, 4, 16), rungSteps(study, study.ask(), 20, -1.0),
                "a longer trial, whose estimate would be 9, must not change it");
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pruners.successiveHalving(0, 4, 0, 0));
        assertEquals("minResource must be >= 1, but got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.successiveHalving(1, 1, 0, 0));
        assertEquals("reductionFactor must be >= 2, but got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.successiveHalving(1, 4, -1, 0));
        assertEquals("minEarlyStoppingRate must be >= 0, but got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.successiveHalving(1, 4, 0, -2));
        assertEquals("bootstrapCount must be >= 0, but got -2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SuccessiveHalvingPruner(OptionalInt.empty(), 4, 0, 3));
        assertTrue(e.getMessage().contains("explicit minResource") && e.getMessage().contains("3"), e.getMessage());
    }
}
