package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.Workers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The concurrency part of {@link StorageContract}: its guarantees hold with many workers at once. */
public interface ConcurrentStorageContract extends StorageFixture {

    int WORKERS = 8;

    @Test
    default void trialNumbersAreUniqueAndGapFreeUnderConcurrentStarts() throws Exception {
        // three studies at once, so that the workers overlap longer and studies are seen to number independently
        long[] studies = {newStudy("a"), newStudy("b"), newStudy("c")};
        List<List<Integer>> numbers = List.of(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        Workers.runTogether(WORKERS, worker -> {
            for (int i = 0; i < 100; i++) {
                for (int s = 0; s < studies.length; s++) {
                    numbers.get(s).add(start(studies[s]).number());
                }
            }
        });
        for (int s = 0; s < studies.length; s++) {
            assertEquals(range(WORKERS * 100), numbers.get(s).stream().sorted().toList());
            assertEquals(WORKERS * 100, storage().trialsChangedSince(studies[s], 0).trials().size());
        }
    }

    @Test
    default void trialNumbersStayGapFreeWhenEnqueuesAndStartsRace() throws Exception {
        long study = newStudy("s");
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        List<Integer> enqueued = Collections.synchronizedList(new ArrayList<>());
        Workers.runTogether(WORKERS, worker -> {
            for (int i = 0; i < 25; i++) {
                if (worker % 2 == 0) {
                    started.add(start(study).number());
                } else {
                    enqueued.add(storage().enqueueTrial(study, Map.of()).number());
                }
            }
        });
        List<Integer> all = storage().trialsChangedSince(study, 0).trials().stream()
                .map(TrialRecord::number).sorted().toList();
        assertEquals(range(all.size()), all);
        assertEquals(started.size(), started.stream().distinct().count(), "no trial started twice");
        assertEquals(enqueued.size(), enqueued.stream().distinct().count(), "no number enqueued twice");
        List<Integer> handedOut = new ArrayList<>(started);
        handedOut.addAll(enqueued);
        assertEquals(all, handedOut.stream().distinct().sorted().toList(), "every trial was started or enqueued");
    }

    @Test
    default void theTrialBudgetIsExactUnderConcurrency() throws Exception {
        long study = newStudy("s");
        int budget = 50;
        List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
        Workers.runTogether(WORKERS, worker -> {
            Optional<TrialRecord> trial;
            // bounded, so that a storage ignoring the budget fails the check below instead of looping forever
            for (int i = 0; i <= budget && (trial = storage().startTrial(study, budget, T0)).isPresent(); i++) {
                numbers.add(trial.get().number());
            }
        });
        assertEquals(range(budget), numbers.stream().sorted().toList());
        assertEquals(budget, storage().trialsChangedSince(study, 0).trials().size());
    }

    @Test
    default void eachGridPointIsClaimedByExactlyOneTrial() throws Exception {
        long study = newStudy("s");
        int points = 100;
        long[] trialIds = IntStream.range(0, WORKERS).mapToLong(i -> start(study).id()).toArray();
        AtomicIntegerArray winners = new AtomicIntegerArray(points);
        Map<Integer, Long> winningTrials = new ConcurrentHashMap<>();
        Workers.runTogether(WORKERS, worker -> {
            for (int index = 0; index < points; index++) {
                if (storage().claimGridPoint(study, "grid-a", index, trialIds[worker])) {
                    winners.incrementAndGet(index);
                    winningTrials.put(index, trialIds[worker]);
                }
            }
        });
        for (int index = 0; index < points; index++) {
            assertEquals(1, winners.get(index), "claims of point " + index);
        }
        assertEquals(winningTrials, storage().gridClaims(study, "grid-a"), "each point names the trial that won it");
        assertTrue(storage().gridClaims(study, "grid-b").isEmpty(), "grids are claimed independently");
        assertTrue(storage().claimGridPoint(study, "grid-b", 0, trialIds[0]));
        assertEquals(Map.of(0, trialIds[0]), storage().gridClaims(study, "grid-b"));
    }

    @Test
    default void concurrentReapersFailEachStaleTrialOnce() throws Exception {
        long study = newStudy("s");
        List<Long> stale = IntStream.range(0, 20).mapToObj(i -> start(study, T0).id()).toList();
        long fresh = start(study, T0.plusSeconds(100)).id();
        List<Long> failed = Collections.synchronizedList(new ArrayList<>());
        Workers.runTogether(WORKERS, worker -> storage()
                .failStaleTrials(study, T0.plusSeconds(120), Duration.ofSeconds(60))
                .forEach(t -> failed.add(t.id())));
        assertEquals(stale, failed.stream().sorted().toList());
        assertEquals(TrialState.RUNNING, storage().trial(fresh).state());
    }

    @Test
    default void anIncrementalReaderMissesNoChangeWhileWorkersWrite() throws Exception {
        long study = newStudy("s");
        int writers = WORKERS - 1;
        AtomicInteger writing = new AtomicInteger(writers);
        Map<Integer, TrialRecord> seen = new HashMap<>();
        Workers.runTogether(WORKERS, worker -> {
            if (worker == writers) {
                // reads while the others write, then once more after the last write committed
                long cursor = 0;
                boolean last;
                do {
                    last = writing.get() == 0;
                    TrialChanges changes = storage().trialsChangedSince(study, cursor);
                    changes.trials().forEach(t -> seen.put(t.number(), t));
                    cursor = changes.cursor();
                } while (!last);
                return;
            }
            try {
                for (int i = 0; i < 15; i++) {
                    TrialRecord trial = start(study);
                    storage().setParam(trial.id(), "x", TrialStorageContract.X);
                    storage().reportIntermediate(trial.id(), 0, i);
                    storage().setTrialUserAttr(trial.id(), "worker", worker);
                    storage().finishTrial(trial.id(), TrialState.COMPLETE, List.of((double) i), null, T0);
                }
            } finally {
                writing.decrementAndGet();
            }
        });
        Map<Integer, TrialRecord> stored = new HashMap<>();
        storage().trialsChangedSince(study, 0).trials().forEach(t -> stored.put(t.number(), t));
        assertEquals(writers * 15, stored.size());
        assertEquals(stored, seen, "the trials as an incremental reader saw them, change by change");
    }

    @Test
    default void writesRacingTheReaperLandBeforeItsFailOrNotAtAll() throws Exception {
        long study = newStudy("s");
        List<TrialRecord> stale = IntStream.range(0, 30).mapToObj(i -> start(study, T0)).toList();
        Map<Long, Set<String>> written = new ConcurrentHashMap<>();
        Set<Long> told = ConcurrentHashMap.newKeySet();
        List<Long> reaped = Collections.synchronizedList(new ArrayList<>());
        Workers.runTogether(WORKERS, worker -> {
            if (worker < 2) {
                storage().failStaleTrials(study, T0.plusSeconds(120), Duration.ofSeconds(60))
                        .forEach(t -> reaped.add(t.id()));
                return;
            }
            for (TrialRecord trial : stale) {
                try {
                    if (worker == WORKERS - 1 && trial.number() % 3 == 0) {
                        storage().finishTrial(trial.id(), TrialState.COMPLETE, List.of(1.0), null, T0);
                        told.add(trial.id());
                    } else {
                        storage().setParam(trial.id(), "p" + worker, TrialStorageContract.X);
                        written.computeIfAbsent(trial.id(), id -> ConcurrentHashMap.newKeySet()).add("p" + worker);
                    }
                } catch (dev.osprey.optimizer.trial.TrialFinishedException finished) {
                    // the reaper (or the tell) was first: the write must have left no trace
                }
            }
        });
        assertEquals(reaped.size(), reaped.stream().distinct().count(), "no trial failed twice");
        for (TrialRecord trial : stale) {
            TrialRecord stored = storage().trial(trial.id());
            boolean failed = reaped.contains(trial.id());
            assertTrue(failed != told.contains(trial.id()), "trial " + trial.number() + " finished exactly once");
            assertEquals(failed ? TrialState.FAIL : TrialState.COMPLETE, stored.state());
            assertEquals(written.getOrDefault(trial.id(), Set.of()), stored.params().keySet(),
                    "trial " + trial.number() + " holds exactly the writes that were accepted");
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
