package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trial part of {@link StorageContract}: life cycle, immutability, change feed and stale trials. */
public interface TrialStorageContract extends StorageFixture {

    Param X = new Param(Distribution.floats(0, 1), 0.25);

    /** Every write a storage offers on a trial. */
    enum TrialWrite {
        SET_PARAM((s, id) -> s.setParam(id, "y", X)),
        REPORT((s, id) -> s.reportIntermediate(id, 7, 1.0)),
        USER_ATTR((s, id) -> s.setTrialUserAttr(id, "k", "v")),
        SYSTEM_ATTR((s, id) -> s.setTrialSystemAttr(id, "k", "v")),
        FINISH((s, id) -> s.finishTrial(id, TrialState.COMPLETE, List.of(2.0), null, T0)),
        HEARTBEAT((s, id) -> s.recordHeartbeat(id, T0));

        final java.util.function.BiConsumer<Storage, Long> write;

        TrialWrite(java.util.function.BiConsumer<Storage, Long> write) {
            this.write = write;
        }
    }

    @Test
    default void trialsStartRunningWithNumbersFromZero() {
        long study = newStudy("s");
        TrialRecord first = start(study, T0);
        TrialRecord second = start(study, T0.plusSeconds(1));
        assertEquals(List.of(0, 1), List.of(first.number(), second.number()));
        assertEquals(TrialState.RUNNING, first.state());
        assertEquals(Optional.of(T0), first.start());
        assertEquals(Optional.empty(), first.end());
        assertTrue(first.params().isEmpty() && first.values().isEmpty() && first.intermediateValues().isEmpty());
        assertEquals(second, storage().trial(second.id()));
    }

    @Test
    default void waitingTrialsAreStartedBeforeNewOnes() {
        long study = newStudy("s");
        start(study);
        TrialRecord queuedFirst = storage().enqueueTrial(study, Map.of("fixed_params", Map.of("x", 1)));
        TrialRecord queuedSecond = storage().enqueueTrial(study, Map.of("fixed_params", Map.of("x", 2)));
        assertEquals(TrialState.WAITING, queuedFirst.state());
        assertEquals(List.of(1, 2), List.of(queuedFirst.number(), queuedSecond.number()));

        TrialRecord next = start(study);
        assertEquals(1, next.number());
        assertEquals(TrialState.RUNNING, next.state());
        assertEquals(Map.of("x", 1L), next.systemAttrs().get("fixed_params"));
        assertEquals(2, start(study).number());
        assertEquals(3, start(study).number());
    }

    @Test
    default void aTrialStartsWithTheUserAttributesGivenAndNotPastTheBudget() {
        long study = newStudy("s");
        storage().enqueueTrial(study, Map.of("fixed_params", Map.of("x", 1)));
        Map<String, Object> attrs = Map.of("osprey.driver", "node1 42 7", "tags", List.of("a", 1L));
        TrialRecord enqueued = storage().startTrial(study, 5, T0, attrs).orElseThrow();
        TrialRecord created = storage().startTrial(study, 5, T0, attrs).orElseThrow();
        for (TrialRecord started : List.of(enqueued, created)) {
            assertEquals(TrialState.RUNNING, started.state());
            assertEquals(attrs, started.userAttrs());
            assertEquals(attrs, storage().trial(started.id()).userAttrs(), "stored, not only returned");
        }
        assertEquals(Map.of("x", 1L), enqueued.systemAttrs().get("fixed_params"));
        assertEquals(Optional.empty(), storage().startTrial(study, 2, T0, attrs));
        assertEquals(2, storage().trialsChangedSince(study, 0).trials().size(), "no trial past the budget");
    }

    @Test
    default void theTrialBudgetCountsTrialsThatAreNotWaiting() {
        long study = newStudy("s");
        storage().enqueueTrial(study, Map.of());
        storage().enqueueTrial(study, Map.of());
        assertEquals(0, storage().startTrial(study, 1, T0).orElseThrow().number());
        assertEquals(Optional.empty(), storage().startTrial(study, 1, T0));
        assertEquals(List.of(TrialState.RUNNING, TrialState.WAITING), storage().trialsChangedSince(study, 0).trials()
                .stream().sorted(java.util.Comparator.comparingInt(TrialRecord::number)).map(TrialRecord::state).toList());
        assertEquals(1, storage().startTrial(study, 2, T0).orElseThrow().number());
    }

    @Test
    default void aWaitingTrialThatWasFinishedIsNeverStarted() {
        long study = newStudy("s");
        TrialRecord queued = storage().enqueueTrial(study, Map.of());
        storage().finishTrial(queued.id(), TrialState.FAIL, List.of(), "cancelled", T0);
        assertEquals(1, start(study).number());
        assertEquals(TrialState.FAIL, storage().trial(queued.id()).state());
    }

    @ParameterizedTest
    @EnumSource(TrialWrite.class)
    default void finishedTrialsNeverChange(TrialWrite write) {
        long study = newStudy("s");
        for (TrialState state : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)) {
            TrialRecord trial = start(study);
            storage().setParam(trial.id(), "x", X);
            List<Double> values = state == TrialState.COMPLETE ? List.of(1.0) : List.of();
            TrialRecord finished = storage().finishTrial(trial.id(), state, values, null, T0);

            TrialFinishedException e = assertThrows(TrialFinishedException.class,
                    () -> write.write.accept(storage(), trial.id()));
            assertTrue(e.getMessage().contains("trial " + trial.number()) && e.getMessage().contains(state.name()),
                    e.getMessage());
            assertEquals(finished, storage().trial(trial.id()));
        }
    }

    @Test
    default void finishingNeedsAFinalState() {
        TrialRecord trial = start(newStudy("s"));
        assertThrows(IllegalArgumentException.class,
                () -> storage().finishTrial(trial.id(), TrialState.RUNNING, List.of(), null, T0));
        assertEquals(TrialState.RUNNING, storage().trial(trial.id()).state());
    }

    @Test
    default void finishingStoresValuesEndTimeAndReason() {
        long study = newStudy("s");
        TrialRecord done = storage().finishTrial(start(study).id(), TrialState.COMPLETE, List.of(0.5), null,
                T0.plusSeconds(3));
        assertEquals(List.of(0.5), done.values());
        assertEquals(Optional.of(T0.plusSeconds(3)), done.end());
        TrialRecord failed = storage().finishTrial(start(study).id(), TrialState.FAIL, List.of(), "boom", T0);
        assertEquals(Optional.of("boom"), failed.failReason());
        assertEquals(failed, storage().trial(failed.id()));
    }

    @Test
    default void aStepKeepsItsFirstIntermediateValue() {
        TrialRecord trial = start(newStudy("s"));
        storage().reportIntermediate(trial.id(), 1, 0.5);
        storage().reportIntermediate(trial.id(), 1, 0.9);
        TrialRecord latest = storage().reportIntermediate(trial.id(), 0, 0.1);
        assertEquals(Map.of(0, 0.1, 1, 0.5), latest.intermediateValues());
        assertEquals(latest, storage().trial(trial.id()));
    }

    @Test
    default void aParameterKeepsItsFirstValue() {
        TrialRecord trial = start(newStudy("s"));
        assertEquals(Map.of("x", X), storage().setParam(trial.id(), "x", X).params());
        assertEquals(Map.of("x", X), storage().setParam(trial.id(), "x", X).params(), "the same value again is fine");
        assertThrows(RuntimeException.class, () -> storage().setParam(trial.id(), "x", new Param(X.distribution(), 0.5)));
        assertEquals(Map.of("x", X), storage().trial(trial.id()).params());
    }

    @Test
    default void attributesAreStoredAsJsonValues() {
        TrialRecord trial = start(newStudy("s"));
        storage().setTrialUserAttr(trial.id(), "n", 3);
        storage().setTrialUserAttr(trial.id(), "tags", List.of("a", 1, 2.5, true));
        storage().setTrialSystemAttr(trial.id(), "nested", Map.of("k", List.of(Map.of("z", 1.5f))));
        TrialRecord stored = storage().trial(trial.id());
        assertEquals(Map.of("n", 3L, "tags", List.of("a", 1L, 2.5, true)), stored.userAttrs());
        assertEquals(Map.of("k", List.of(Map.of("z", 1.5))), stored.systemAttrs().get("nested"));
    }

    @Test
    default void trialsChangedSinceReturnsExactlyTheChangedTrials() {
        long study = newStudy("s");
        long other = newStudy("other");
        TrialRecord t0 = start(study);
        TrialRecord t1 = start(study);
        TrialRecord t2 = start(study);
        start(other);

        TrialChanges all = storage().trialsChangedSince(study, 0);
        assertEquals(List.of(t0, t1, t2), all.trials());
        assertEquals(List.of(), storage().trialsChangedSince(study, all.cursor()).trials());

        storage().setParam(t1.id(), "x", X);
        TrialRecord t2done = storage().finishTrial(t2.id(), TrialState.COMPLETE, List.of(1.0), null, T0);
        storage().setParam(t1.id(), "z", X);
        start(other);
        TrialChanges changed = storage().trialsChangedSince(study, all.cursor());
        assertEquals(List.of(1, 2), changed.trials().stream().map(TrialRecord::number).sorted().toList());
        assertTrue(changed.trials().contains(t2done));
        assertTrue(changed.trials().contains(storage().trial(t1.id())), "each trial in its latest state");
        assertEquals(List.of(), storage().trialsChangedSince(study, changed.cursor()).trials());
        assertEquals(changed.cursor(), storage().trialsChangedSince(study, changed.cursor()).cursor());
    }

    @Test
    default void staleTrialsFailOnceAndOnlyThose() {
        long study = newStudy("s");
        Duration grace = Duration.ofSeconds(60);
        TrialRecord silent = start(study, T0);
        TrialRecord beating = start(study, T0);
        TrialRecord young = start(study, T0.plusSeconds(30));
        TrialRecord done = start(study, T0);
        storage().finishTrial(done.id(), TrialState.COMPLETE, List.of(1.0), null, T0.plusSeconds(1));
        storage().recordHeartbeat(beating.id(), T0.plusSeconds(50));

        List<TrialRecord> failed = storage().failStaleTrials(study, T0.plusSeconds(80), grace);
        assertEquals(List.of(silent.id()), failed.stream().map(TrialRecord::id).toList());
        assertEquals(TrialState.FAIL, failed.get(0).state());
        assertTrue(failed.get(0).failReason().isPresent());
        assertEquals(failed.get(0), storage().trial(silent.id()));
        assertEquals(List.of(), storage().failStaleTrials(study, T0.plusSeconds(80), grace), "failed once");
        assertEquals(TrialState.RUNNING, storage().trial(beating.id()).state());
        assertEquals(TrialState.RUNNING, storage().trial(young.id()).state());
        assertEquals(TrialState.COMPLETE, storage().trial(done.id()).state());

        List<TrialRecord> later = storage().failStaleTrials(study, T0.plusSeconds(200), grace);
        assertEquals(List.of(beating.id(), young.id()), later.stream().map(TrialRecord::id).sorted().toList());
    }

    @Test
    default void aHeartbeatFarInTheFutureKeepsATrialFromEverBeingStale() {
        long study = newStudy("s");
        TrialRecord detached = start(study, T0);
        storage().recordHeartbeat(detached.id(), java.time.Instant.parse("9999-01-01T00:00:00Z"));
        assertEquals(List.of(), storage().failStaleTrials(study, T0.plus(Duration.ofDays(3650)), Duration.ofSeconds(60)));
        assertEquals(TrialState.RUNNING, storage().trial(detached.id()).state());
    }
}
