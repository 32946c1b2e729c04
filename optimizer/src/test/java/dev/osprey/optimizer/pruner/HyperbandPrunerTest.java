package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.osprey.optimizer.pruner.StudyRuns.named;
import static dev.osprey.optimizer.pruner.StudyRuns.reportAndAsk;
import static dev.osprey.optimizer.pruner.StudyRuns.storedSystemAttrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pruner contract for Hyperband over steps 1 to 27 (four brackets), and its own rules. */
class HyperbandPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.hyperband(1, 27, 3);
    }

    @Override
    protected int firstPrunableStep() {
        return 1;
    }

    /** Brackets of trials 0..23 of study "hb" with budgets [9, 5, 3], from Python's binascii.crc32. */
    private static final List<Integer> HB_BRACKETS =
            List.of(0, 0, 2, 2, 1, 1, 1, 2, 1, 0, 1, 0, 1, 1, 1, 0, 2, 0, 2, 0, 0, 0, 0, 0);
    /** The same for study "hb-auto". */
    private static final List<Integer> HB_AUTO_BRACKETS =
            List.of(0, 2, 0, 1, 1, 2, 0, 1, 1, 1, 0, 0, 0, 0, 2, 0, 1, 1, 0, 1, 1, 0, 0, 2);

    @Test
    void bracketCountsAndBudgetsFollowTheFormula() {
        HyperbandBrackets eightyOne = HyperbandBrackets.of(1, 81, 3, 0);
        assertEquals(List.of(81, 34, 15, 8, 5), eightyOne.budgets());
        assertEquals(143, eightyOne.totalBudget());
        assertEquals(List.of(9, 5, 3), HyperbandBrackets.of(1, 9, 3, 0).budgets());
        assertEquals(List.of(16, 6, 3), HyperbandBrackets.of(2, 100, 4, 0).budgets(), "log_4(50) = 2.8: 3 brackets");
        assertEquals(List.of(1), HyperbandBrackets.of(5, 5, 3, 0).budgets());
        assertEquals(6, HyperbandBrackets.of(1, 243, 3, 0).bracketCount(), "243 = 3^5 exactly");
        assertEquals(5, HyperbandBrackets.of(1, 242, 3, 0).bracketCount());
        for (int b = 0; b < 5; b++) {
            assertTrue(eightyOne.pruners().get(b).toString().contains("minEarlyStoppingRate=" + b + ","));
        }
    }

    @Test
    void bracketAssignmentIsCrc32OfNameAndNumber() {
        HyperbandBrackets brackets = HyperbandBrackets.of(1, 9, 3, 0);
        for (int number = 0; number < HB_BRACKETS.size(); number++) {
            assertEquals(HB_BRACKETS.get(number), brackets.bracketOf("hb", number), "trial " + number);
        }
        List<Integer> study = new ArrayList<>();
        HyperbandBrackets eightyOne = HyperbandBrackets.of(1, 81, 3, 0);
        for (int number = 0; number < 10; number++) {
            study.add(eightyOne.bracketOf("study", number));
        }
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 0, 0, 1, 0), study);
    }

    /** Reports a value better than every earlier trial's at steps 0..9; returns the step of the first rung attribute, or -1. */
    private static int firstRungStep(Study study, Trial trial) {
        for (int step = 0; step <= 9; step++) {
            assertFalse(reportAndAsk(trial, step, 100.0 - trial.number()), "the best trial so far goes on");
            if (storedSystemAttrs(study, trial).containsKey("completed_rung_0")) {
                return step;
            }
        }
        return -1;
    }

    @Test
    void eachTrialIsJudgedByTheSuccessiveHalvingOfItsBracket() {
        Study study = named("hb", Pruners.hyperband(1, 9, 3));
        for (int number = 0; number < HB_BRACKETS.size(); number++) {
            int bracket = HB_BRACKETS.get(number);
            assertEquals((int) Math.pow(3, bracket), firstRungStep(study, study.ask()),
                    "trial " + number + " is in bracket " + bracket + ", whose first rung is at 3^" + bracket);
        }
    }

    @Test
    void aBracketComparesOnlyWithItsOwnTrials() {
        // trials 0..4 of "hb-iso" are in brackets 2, 2, 2, 1, 2; trials 5 and 6 in bracket 0
        Study study = named("hb-iso", Pruners.hyperband(1, 9, 3));
        for (int number = 0; number < 5; number++) {
            Trial other = study.ask();
            for (int step = 0; step <= 9; step++) {
                assertFalse(reportAndAsk(other, step, 0.0));
            }
            assertTrue(storedSystemAttrs(study, other).containsKey("completed_rung_0"));
        }
        Trial first = study.ask();
        first.report(0, 5.0);
        assertFalse(reportAndAsk(first, 1, 5.0), "the other brackets' 0.0 at rung 0 must not count");
        Trial second = study.ask();
        second.report(0, 6.0);
        assertTrue(reportAndAsk(second, 1, 6.0), "6.0 loses to 5.0 in bracket 0");
    }

    @Test
    void autoMaxResourceIsFixedByTheFirstCompleteTrial() {
        Study study = named("hb-auto", Pruners.hyperband());
        Trial first = study.ask();
        for (int step = 0; step <= 8; step++) {
            assertFalse(reportAndAsk(first, step, Double.NaN), "nothing is pruned before a trial completes");
        }
        assertTrue(storedSystemAttrs(study, first).isEmpty());
        study.tell(first, 1.0);
        Trial longer = study.ask();
        assertFalse(reportAndAsk(longer, 0, 200.0), "this check fixes maxResource at 8 + 1");
        for (int step = 1; step <= 80; step++) {
            longer.report(step, 200.0);
        }
        study.tell(longer, 200.0);
        // last step 8: maxResource 9, budgets [9, 5, 3]; the longer trial must not change that
        HyperbandBrackets ifRecomputed = HyperbandBrackets.of(1, 81, 3, 0);
        boolean differs = false;
        for (int number = 2; number < HB_AUTO_BRACKETS.size(); number++) {
            int bracket = HB_AUTO_BRACKETS.get(number);
            assertEquals((int) Math.pow(3, bracket), firstRungStep(study, study.ask()), "trial " + number);
            differs |= ifRecomputed.bracketOf("hb-auto", number) != bracket;
        }
        assertTrue(differs, "the test must tell the two maximum resources apart");
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pruners.hyperband(0, 9, 3));
        assertEquals("minResource must be >= 1, but got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.hyperband(10, 9, 3));
        assertEquals("maxResource must be >= minResource (10), but got 9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.hyperband(1, 9, 1));
        assertEquals("reductionFactor must be >= 2, but got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.hyperband(1, 9, 3, -1));
        assertEquals("bootstrapCount must be >= 0, but got -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pruners.hyperbandWithAutoMaxResource(0, 3));
    }
}
