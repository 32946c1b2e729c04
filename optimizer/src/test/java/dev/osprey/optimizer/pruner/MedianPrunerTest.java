package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import org.junit.jupiter.api.Test;

import static dev.osprey.optimizer.pruner.StudyRuns.complete;
import static dev.osprey.optimizer.pruner.StudyRuns.pruned;
import static dev.osprey.optimizer.pruner.StudyRuns.reportAndAsk;
import static dev.osprey.optimizer.pruner.StudyRuns.reporting;
import static dev.osprey.optimizer.pruner.StudyRuns.study;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pruner contract for the median pruner with its defaults (five COMPLETE trials first), and its own rules. */
class MedianPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.median();
    }

    @Override
    protected int completeTrialsNeeded() {
        return 5;
    }

    /** Five COMPLETE trials reporting 1, 2, 3, 4, 5 at every step from 0 to {@code lastStep}. */
    private static Study withFiveCompleted(Study study, int lastStep) {
        for (int i = 1; i <= 5; i++) {
            double[] values = new double[lastStep + 1];
            java.util.Arrays.fill(values, i);
            complete(study, values);
        }
        return study;
    }

    @Test
    void prunesAboveTheMedianOfCompletedTrialsAtTheSameStep() {
        Study study = withFiveCompleted(study(Pruners.median()), 0);
        assertTrue(reportAndAsk(study.ask(), 0, 10.0), "10 is above the median 3");
        assertFalse(reportAndAsk(study.ask(), 0, 0.0), "0 is below the median 3");
        assertFalse(reportAndAsk(study.ask(), 0, 3.0), "the median itself is not worse than the median");
        assertTrue(reportAndAsk(study.ask(), 0, 3.5));
    }

    @Test
    void waitsForTheStartupTrials() {
        Study study = study(Pruners.median());
        for (int i = 1; i <= 4; i++) {
            complete(study, i);
        }
        assertFalse(reportAndAsk(study.ask(), 0, 10.0), "only 4 of 5 startup trials completed");
        complete(study, 5);
        assertTrue(reportAndAsk(study.ask(), 0, 10.0));
    }

    @Test
    void comparesOnlyWithCompleteTrials() {
        Study study = withFiveCompleted(study(Pruners.median()), 0);
        for (int i = 0; i < 10; i++) {
            pruned(study, 100.0);
        }
        Trial running = reporting(study, 100.0);
        assertTrue(reportAndAsk(study.ask(), 0, 4.0), "PRUNED and RUNNING trials must not move the median 3");
        assertTrue(running.shouldPrune());
    }

    @Test
    void comparesTheBestValueSoFarNotTheLatest() {
        Study study = withFiveCompleted(study(Pruners.median()), 1);
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 1.0));
        assertFalse(reportAndAsk(trial, 1, 50.0), "the best value so far, 1, is below the median");
    }

    @Test
    void prunesWhenEveryValueIsNaN() {
        Study study = withFiveCompleted(study(Pruners.median()), 0);
        assertTrue(reportAndAsk(study.ask(), 0, Double.NaN));
    }

    @Test
    void skipsTheWarmUpSteps() {
        Study study = withFiveCompleted(study(Pruners.median(5, 2, 1)), 3);
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 10.0));
        assertFalse(reportAndAsk(trial, 1, 10.0));
        assertTrue(reportAndAsk(trial, 2, 10.0), "step 2 is the first after 2 warm-up steps");
    }

    /** COMPLETE trial i reports i / (step + 1), so the median at step s is 3 / (s + 1). */
    private static Study withShrinkingMedians(Study study) {
        for (int i = 1; i <= 5; i++) {
            double[] values = new double[8];
            for (int step = 0; step < values.length; step++) {
                values[step] = i / (step + 1.0);
            }
            complete(study, values);
        }
        return study;
    }

    @Test
    void checksOncePerInterval() {
        Study study = withShrinkingMedians(study(Pruners.median(5, 0, 3)));
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 2.0), "2 is below the median 3 at step 0");
        assertFalse(reportAndAsk(trial, 1, 2.0), "step 1 is not a pruning point (median 1.5 would prune)");
        assertFalse(reportAndAsk(trial, 2, 2.0), "step 2 is not a pruning point (median 1 would prune)");
        assertTrue(reportAndAsk(trial, 3, 2.0), "step 3 is a pruning point and the median is 0.75");
    }

    @Test
    void checksEveryStepWithIntervalOne() {
        Study study = withShrinkingMedians(study(Pruners.median(5, 0, 1)));
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 2.0));
        assertTrue(reportAndAsk(trial, 1, 2.0), "the median at step 1 is 1.5");
    }

    @Test
    void aSkippedPruningPointIsCheckedAtTheNextReport() {
        Study study = withShrinkingMedians(study(Pruners.median(5, 0, 3)));
        Trial trial = study.ask();
        assertFalse(reportAndAsk(trial, 0, 2.0));
        assertTrue(reportAndAsk(trial, 4, 2.0), "step 3 was never reported, so step 4 stands in for it");
    }

    @Test
    void mirrorsForMaximisation() {
        Study study = withFiveCompleted(study(Pruners.median(), Direction.MAXIMIZE), 0);
        assertTrue(reportAndAsk(study.ask(), 0, 0.0), "0 is below the median 3");
        assertFalse(reportAndAsk(study.ask(), 0, 10.0));
        assertTrue(reportAndAsk(study.ask(), 0, 2.5));
    }
}
