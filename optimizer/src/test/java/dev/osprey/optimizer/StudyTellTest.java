package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.sampler.Samplers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ask/tell: how {@link Study#tell} finishes trials, and what it refuses. */
class StudyTellTest {

    private final Study study = Study.builder().sampler(Samplers.random()).seed(3).create();

    @Test
    void tellCompletesATrialWithItsValue() {
        Trial trial = study.ask();
        double x = trial.suggestFloat("x", 0, 1);
        TrialRecord told = study.tell(trial, x * 2);
        assertEquals(TrialState.COMPLETE, told.state());
        assertEquals(List.of(x * 2), told.values());
        assertEquals(told, study.trials().get(0));
    }

    @Test
    void aFinishedTrialCannotBeToldAgain() {
        Trial trial = study.ask();
        study.tell(trial, 1.0);
        for (Runnable tell : List.<Runnable>of(() -> study.tell(trial, 2.0), () -> study.tell(trial, Double.NaN),
                () -> study.tell(trial, TrialState.PRUNED), () -> study.tell(trial, TrialState.FAIL),
                () -> study.tell(trial.number(), 3.0))) {
            TrialFinishedException e = assertThrows(TrialFinishedException.class, tell::run);
            assertTrue(e.getMessage().contains("trial 0") && e.getMessage().contains("COMPLETE"), e.getMessage());
        }
        assertEquals(List.of(1.0), study.trials().get(0).values());
    }

    @Test
    void aFinishedTrialTakesNoMoreParametersReportsOrAttributes() {
        Trial trial = study.ask();
        study.tell(trial, TrialState.FAIL);
        assertThrows(TrialFinishedException.class, () -> trial.suggestFloat("x", 0, 1));
        assertThrows(TrialFinishedException.class, () -> trial.report(0, 1.0));
        assertThrows(TrialFinishedException.class, () -> trial.setUserAttr("k", 1));
    }

    @Test
    void theNumberOfValuesMustMatchTheObjectives() {
        Trial trial = study.ask();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> study.tell(trial));
        assertTrue(none.getMessage().contains("0 value(s)") && none.getMessage().contains("1 objective(s)"),
                none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> study.tell(trial, 1.0, 2.0));
        assertEquals(TrialState.RUNNING, study.trials().get(0).state(), "a refused tell leaves the trial running");
        assertEquals(TrialState.COMPLETE, study.tell(trial, 1.0).state());
    }

    @ParameterizedTest
    @EnumSource(value = TrialState.class, names = {"COMPLETE", "RUNNING", "WAITING"})
    void tellWithAStateAcceptsOnlyPrunedOrFail(TrialState state) {
        Trial trial = study.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> study.tell(trial, state));
        assertTrue(e.getMessage().contains(state == TrialState.COMPLETE ? "values" : state.name()), e.getMessage());
        assertEquals(TrialState.RUNNING, study.trials().get(0).state());
    }

    @Test
    void tellingFailOrNanStoresAReason() {
        TrialRecord failed = study.tell(study.ask(), TrialState.FAIL);
        assertEquals(TrialState.FAIL, failed.state());
        assertTrue(failed.failReason().isPresent());
        TrialRecord nan = study.tell(study.ask(), Double.NaN);
        assertEquals(TrialState.FAIL, nan.state());
        assertTrue(nan.failReason().orElseThrow().contains("NaN"), nan.failReason()::get);
    }

    @Test
    void tellingPrunedKeepsTheLastReportedValue() {
        Trial trial = study.ask();
        trial.report(0, 0.7);
        trial.report(1, 0.4);
        trial.report(1, 0.1);
        TrialRecord pruned = study.tell(trial, TrialState.PRUNED);
        assertEquals(TrialState.PRUNED, pruned.state());
        assertEquals(List.of(0.4), pruned.values(), "step 1 keeps its first value");
    }

    @Test
    void aTrialOfAnotherStudyIsRefused() {
        Study other = Study.builder().name("other").storage(study.storage()).sampler(Samplers.random()).create();
        Trial foreign = other.ask();
        study.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> study.tell(foreign, 1.0));
        assertTrue(e.getMessage().contains("'other'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> study.tell(foreign, TrialState.FAIL));
        assertEquals(TrialState.RUNNING, study.trials().get(0).state());
        assertEquals(TrialState.RUNNING, other.trials().get(0).state());
        assertEquals(TrialState.COMPLETE, other.tell(foreign, 1.0).state());
    }

    @Test
    void aTrialAskedFromAnotherStudyObjectOnTheSameStoredStudyIsAccepted() {
        Study sameStudy = Study.builder().name("shared").storage(study.storage()).sampler(Samplers.random())
                .createOrLoad();
        Trial trial = sameStudy.ask();
        Study again = Study.builder().name("shared").storage(study.storage()).load();
        assertEquals(TrialState.COMPLETE, again.tell(trial, 1.0).state());
    }

    @Test
    void tellByNumberNeedsAnExistingTrial() {
        study.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> study.tell(5, 1.0));
        assertTrue(e.getMessage().contains("no trial 5"), e.getMessage());
        assertEquals(TrialState.COMPLETE, study.tell(0, 1.0).state());
    }

    @Test
    void enqueuedTrialsCanBeToldBeforeTheyRunAndAreThenSkipped() {
        TrialRecord queued = study.enqueueTrial(java.util.Map.of("x", 0.5));
        assertEquals(TrialState.FAIL, study.tell(queued.number(), TrialState.FAIL).state());
        Trial next = study.ask();
        assertEquals(1, next.number());
        assertEquals(TrialState.FAIL, study.trials().get(0).state());
    }
}
