package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import org.junit.jupiter.api.Test;

import static dev.osprey.optimizer.pruner.StudyRuns.complete;
import static dev.osprey.optimizer.pruner.StudyRuns.reportAndAsk;
import static dev.osprey.optimizer.pruner.StudyRuns.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pruner contract for the percentile pruner with startup trials, a warm-up, an interval and a
 * minimum of trials per step; and its own rules.
 */
class PercentilePrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.percentile(25, 3, 4, 2, 2);
    }

    @Override
    protected int completeTrialsNeeded() {
        return 3;
    }

    @Override
    protected int firstPrunableStep() {
        return 4;
    }

    private static Study completedOneToFive(Pruner pruner, Direction direction) {
        Study study = study(pruner, direction);
        for (int i = 1; i <= 5; i++) {
            complete(study, i);
        }
        return study;
    }

    @Test
    void prunesAboveTheGivenPercentile() {
        Study lowPercentile = completedOneToFive(Pruners.percentile(25, 5, 0, 1, 1), Direction.MINIMIZE);
        assertTrue(reportAndAsk(lowPercentile.ask(), 0, 2.5), "the 25th percentile of 1..5 is 2");
        assertFalse(reportAndAsk(lowPercentile.ask(), 0, 2.0));
        Study median = completedOneToFive(Pruners.percentile(50, 5, 0, 1, 1), Direction.MINIMIZE);
        assertFalse(reportAndAsk(median.ask(), 0, 2.5));
    }

    @Test
    void interpolatesBetweenOrderStatistics() {
        Study study = completedOneToFive(Pruners.percentile(10, 5, 0, 1, 1), Direction.MINIMIZE);
        assertFalse(reportAndAsk(study.ask(), 0, 1.4), "the 10th percentile of 1..5 is 1.4");
        assertTrue(reportAndAsk(study.ask(), 0, 1.41));
    }

    @Test
    void maximisationUsesTheComplementaryPercentile() {
        Study study = completedOneToFive(Pruners.percentile(25, 5, 0, 1, 1), Direction.MAXIMIZE);
        assertTrue(reportAndAsk(study.ask(), 0, 3.5), "maximising at 25 compares with the 75th percentile, 4");
        assertFalse(reportAndAsk(study.ask(), 0, 4.0));
    }

    @Test
    void needsNMinTrialsThatReportedTheStep() {
        for (int nMinTrials : new int[] {2, 3}) {
            Study study = study(Pruners.percentile(50, 0, 0, 1, nMinTrials));
            complete(study, 1, 1, 1, 1, 1, 1);
            complete(study, 2, 2, 2, 2, 2, 2);
            complete(study, 1, 1, 1);
            complete(study, 1, 1, 1);
            Trial trial = study.ask();
            for (int step = 0; step < 5; step++) {
                trial.report(step, 10.0);
            }
            boolean pruned = reportAndAsk(trial, 5, 10.0);
            assertEquals(nMinTrials == 2, pruned, "two COMPLETE trials reported step 5; nMinTrials " + nMinTrials);
        }
    }

    @Test
    void withoutStartupTrialsTheFirstCompleteTrialIsTheBaseline() {
        Study study = study(Pruners.percentile(50, 0, 0, 1, 1));
        assertFalse(reportAndAsk(study.ask(), 0, 10.0), "no COMPLETE trial yet");
        complete(study, 1.0);
        assertTrue(reportAndAsk(study.ask(), 0, 10.0));
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pruners.percentile(101, 5, 0, 1, 1));
        assertTrue(e.getMessage().contains("[0, 100]") && e.getMessage().contains("101"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.median(5, 0, 0));
        assertTrue(e.getMessage().contains("intervalSteps must be >= 1") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pruners.percentile(50, -1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Pruners.percentile(50, 5, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Pruners.percentile(50, 5, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Pruners.percentile(Double.NaN, 5, 0, 1, 1));
    }

    @Test
    void theNopPrunerNeverPrunes() {
        Study study = study(Pruners.none());
        for (int i = 1; i <= 5; i++) {
            complete(study, i);
        }
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 1e9));
        assertFalse(reportAndAsk(trial, 1, Double.NaN));
    }
}
