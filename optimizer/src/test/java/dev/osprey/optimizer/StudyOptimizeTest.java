package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Samplers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Define-by-run: {@link Study#optimize} with budgets, callbacks, failures and pruning. */
class StudyOptimizeTest {

    private static Study randomStudy() {
        return Study.builder().sampler(Samplers.random()).pruner(Pruners.none()).seed(1).create();
    }

    private static double square(Trial trial) {
        double x = trial.suggestFloat("x", -5, 5);
        return (x - 2) * (x - 2);
    }

    @Test
    void optimizeRunsTheBudgetAndStoresEachValue() {
        Study study = randomStudy();
        study.optimize(StudyOptimizeTest::square, Budget.trials(15));

        List<TrialRecord> trials = study.trials();
        assertEquals(15, trials.size());
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord trial = trials.get(i);
            assertEquals(i, trial.number());
            assertEquals(TrialState.COMPLETE, trial.state());
            double x = (Double) trial.paramValues().get("x");
            assertEquals((x - 2) * (x - 2), trial.value());
            assertTrue(trial.start().isPresent() && trial.end().isPresent());
        }
    }

    @Test
    void theTrialBudgetCountsEveryTrialTheStudyHolds() {
        Study study = randomStudy();
        AtomicInteger calls = new AtomicInteger();
        study.optimize(trial -> calls.incrementAndGet(), 10);
        study.optimize(trial -> calls.incrementAndGet(), 10);
        assertEquals(10, calls.get(), "a second optimize to 10 on a study of 10 trials runs nothing");

        for (int i = 0; i < 3; i++) {
            study.tell(study.ask(), 0.0);
        }
        study.optimize(trial -> calls.incrementAndGet(), 20);
        assertEquals(17, calls.get());
        assertEquals(20, study.trials().size());
    }

    @Test
    void aTimeBudgetStopsOptimize() {
        Duration budget = Duration.ofSeconds(30);
        Study study = Study.builder().sampler(Samplers.random()).clock(new TickingClock(Duration.ofSeconds(1)))
                .create();
        AtomicInteger calls = new AtomicInteger();
        study.optimize(trial -> {
            if (calls.incrementAndGet() == 1000) {
                study.stop(); // a guard so that a broken time budget fails this test instead of hanging it
            }
            return 0;
        }, Budget.time(budget));

        assertTrue(calls.get() > 1 && calls.get() < 30, "trials run: " + calls.get());
        Instant deadline = TickingClock.ORIGIN.plus(budget);
        study.trials().forEach(t -> assertTrue(t.start().orElseThrow().isBefore(deadline), t::toString));
    }

    @Test
    void theFirstLimitReachedStopsOptimize() {
        Study study = Study.builder().sampler(Samplers.random()).clock(new TickingClock(Duration.ofSeconds(1)))
                .create();
        study.optimize(trial -> 0, Budget.trials(4).orTime(Duration.ofDays(1)));
        assertEquals(4, study.trials().size());
    }

    @Test
    void budgetsRejectNegativeLimits() {
        assertThrows(IllegalArgumentException.class, () -> Budget.trials(-1));
        assertThrows(IllegalArgumentException.class, () -> Budget.time(Duration.ofSeconds(-1)));
        assertEquals(0, Budget.trials(0).maxTrials());
    }

    @Test
    void callbacksAreCalledOncePerFinishedTrialInOrder() {
        Study study = randomStudy();
        List<String> calls = new ArrayList<>();
        study.optimize(trial -> switch (trial.number()) {
            case 1 -> throw new IllegalStateException("boom");
            case 2 -> throw new TrialPrunedException();
            default -> 1.0;
        }, Budget.trials(4),
                (s, t) -> calls.add("first:" + t.number() + ":" + t.state()),
                (s, t) -> {
                    assertSame(study, s);
                    calls.add("second:" + t.number());
                });
        assertEquals(List.of("first:0:COMPLETE", "second:0", "first:1:FAIL", "second:1", "first:2:PRUNED",
                "second:2", "first:3:COMPLETE", "second:3"), calls);
    }

    @Test
    void stopFromACallbackEndsOptimizeAfterThatTrial() {
        Study study = randomStudy();
        study.optimize(trial -> 0, Budget.trials(10), (s, t) -> {
            if (t.number() == 2) {
                s.stop();
            }
        });
        assertEquals(3, study.trials().size());
        study.optimize(trial -> 0, Budget.trials(5));
        assertEquals(5, study.trials().size(), "a new optimize call starts afresh");
    }

    @Test
    void anObjectiveThatThrowsFailsItsTrialAndTheStudyGoesOn() {
        Study study = randomStudy();
        study.optimize(trial -> {
            if (trial.number() == 1) {
                throw new java.io.IOException("disk full");
            }
            return square(trial);
        }, 4);
        TrialRecord failed = study.trials().get(1);
        assertEquals(TrialState.FAIL, failed.state());
        assertTrue(failed.values().isEmpty());
        String reason = failed.failReason().orElseThrow();
        assertTrue(reason.contains("IOException") && reason.contains("disk full"), reason);
        assertEquals(List.of(TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE),
                study.trials().stream().map(TrialRecord::state).toList());
    }

    @Test
    void anErrorThrownByTheObjectiveFailsItsTrialAndPropagates() {
        Study study = randomStudy();
        AssertionError error = new AssertionError("broken objective");
        AssertionError thrown = assertThrows(AssertionError.class, () -> study.optimize(trial -> {
            throw error;
        }, 5));
        assertSame(error, thrown);
        assertEquals(1, study.trials().size());
        assertEquals(TrialState.FAIL, study.trials().get(0).state(), "no trial is left RUNNING");
        assertTrue(study.trials().get(0).failReason().orElseThrow().contains("broken objective"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteValuesFailTheTrial(double value) {
        Study study = randomStudy();
        study.optimize(trial -> trial.number() == 0 ? value : 1.0, 2);
        TrialRecord trial = study.trials().get(0);
        assertEquals(TrialState.FAIL, trial.state());
        assertTrue(trial.values().isEmpty());
        assertTrue(trial.failReason().orElseThrow().contains(String.valueOf(value)), trial.failReason()::get);
        assertEquals(TrialState.COMPLETE, study.trials().get(1).state());
    }

    @Test
    void aPrunedTrialKeepsItsLastIntermediateValue() {
        Study study = randomStudy();
        study.optimize(trial -> {
            if (trial.number() == 0) {
                trial.report(0, 5.0);
                trial.report(3, 2.0);
                trial.report(1, 9.0);
                throw new TrialPrunedException();
            }
            if (trial.number() == 1) {
                throw new TrialPrunedException("nothing reported");
            }
            return 1.0;
        }, 3);
        List<TrialRecord> trials = study.trials();
        assertEquals(TrialState.PRUNED, trials.get(0).state());
        assertEquals(List.of(2.0), trials.get(0).values(), "the value of the last step, 3");
        assertEquals(TrialState.PRUNED, trials.get(1).state());
        assertEquals(List.of(), trials.get(1).values());
        assertEquals(TrialState.COMPLETE, trials.get(2).state());
    }
}
