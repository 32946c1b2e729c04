package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import org.junit.jupiter.api.Test;

import static dev.osprey.optimizer.pruner.StudyRuns.reportAndAsk;
import static dev.osprey.optimizer.pruner.StudyRuns.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pruner contract for the threshold pruner (an upper bound, two warm-up steps), and its own rules. */
class ThresholdPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.threshold(null, 2.0, 2, 1);
    }

    /** Its bounds are values, not a direction: under MAXIMIZE the mirror image is a lower bound of -2. */
    @Override
    protected Pruner mirroredPruner() {
        return Pruners.threshold(-2.0, null, 2, 1);
    }

    @Override
    protected int firstPrunableStep() {
        return 2;
    }

    private static boolean firstReport(Pruner pruner, double value) {
        return reportAndAsk(study(pruner).ask(), 0, value);
    }

    @Test
    void prunesOutsideTheBoundsFromTheFirstTrial() {
        Pruner both = Pruners.threshold(0.0, 1.0);
        assertTrue(firstReport(both, -0.1));
        assertTrue(firstReport(both, 1.1));
        assertFalse(firstReport(both, 0.0), "the bounds themselves are inside");
        assertFalse(firstReport(both, 1.0));
        assertFalse(firstReport(both, 0.5));
    }

    @Test
    void aMissingBoundIsInfinite() {
        assertFalse(firstReport(Pruners.threshold(null, 1.0), -1e300));
        assertTrue(firstReport(Pruners.threshold(null, 1.0), 2.0));
        assertFalse(firstReport(Pruners.threshold(0.0, null), 1e300));
        assertTrue(firstReport(Pruners.threshold(0.0, null), -2.0));
        assertTrue(firstReport(Pruners.threshold(0.0, null), Double.NEGATIVE_INFINITY));
    }

    @Test
    void prunesNaN() {
        assertTrue(firstReport(Pruners.threshold(null, 1.0), Double.NaN));
        assertTrue(firstReport(Pruners.threshold(0.0, null), Double.NaN));
    }

    @Test
    void judgesTheLatestValue() {
        Study study = study(Pruners.threshold(null, 1.0));
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 0.5));
        assertTrue(reportAndAsk(trial, 1, 2.0), "an earlier good value does not save the trial");
    }

    @Test
    void skipsTheWarmUpSteps() {
        Trial trial = study(Pruners.threshold(null, 1.0, 3, 1)).ask();
        for (int step = 0; step < 3; step++) {
            assertFalse(reportAndAsk(trial, step, 5.0), "warm-up step " + step);
        }
        assertTrue(reportAndAsk(trial, 3, 5.0));
    }

    @Test
    void checksOncePerInterval() {
        Trial trial = study(Pruners.threshold(null, 1.0, 0, 2)).ask();
        assertFalse(reportAndAsk(trial, 0, 0.0));
        assertFalse(reportAndAsk(trial, 1, 5.0), "step 1 is between the pruning points 0 and 2");
        assertTrue(reportAndAsk(trial, 2, 5.0));
        Trial skipping = study(Pruners.threshold(null, 1.0, 0, 2)).ask();
        assertFalse(reportAndAsk(skipping, 0, 0.0));
        assertTrue(reportAndAsk(skipping, 3, 5.0), "step 2 was skipped, so step 3 stands in for it");
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pruners.threshold(null, null));
        assertTrue(e.getMessage().contains("lower or an upper bound"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.threshold(2.0, 1.0));
        assertEquals("lower must be <= upper, but got lower 2.0 and upper 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.threshold(Double.NaN, 1.0));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.threshold(0.0, 1.0, -1, 1));
        assertEquals("nWarmupSteps must be >= 0, but got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.threshold(0.0, 1.0, 0, 0));
        assertEquals("intervalSteps must be >= 1, but got 0", e.getMessage());
        assertFalse(firstReport(Pruners.threshold(1.0, 1.0), 1.0), "equal bounds are allowed");
    }
}
