package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reaper and the retry policy: how a worker fails the trials of dead workers and runs their
 * parameters again. Each worker is a Study object with a fixed clock, so time passes between
 * workers without waiting; the heartbeat thread itself is tested in {@link StudyHeartbeatTest}.
 */
class StudyLeaseTest {

    private static final Instant T0 = TickingClock.ORIGIN;
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(60);
    /** The first instant at which a trial last renewed at {@code T0} counts as dead. */
    private static final Instant DEAD_AFTER_T0 = T0.plus(GRACE).plusMillis(1);

    private final Storage storage = Storages.inMemory();
    private final List<Study> workers = new ArrayList<>();

    @AfterEach
    void closeWorkers() {
        workers.forEach(Study::close);
    }

    /** A worker on the shared study whose clock reads {@code now}. */
    private Study worker(Instant now, int retries) {
        Study study = Study.builder().name("leases").storage(storage).sampler(Samplers.random()).seed(7)
                .clock(InstantSource.fixed(now)).heartbeat(INTERVAL, GRACE).retryFailedTrials(retries)
                .createOrLoad();
        workers.add(study);
        return study;
    }

    private static void suggestAll(Trial trial) {
        trial.suggestFloat("x", -1, 1);
        trial.suggestInt("n", 1, 100);
        trial.suggestCategorical("kind", "a", "b", "c");
    }

    /** Starts a trial, suggests its parameters, and dies: the study object is closed without telling. */
    private TrialRecord startAndDie(Study worker) {
        Trial trial = worker.ask();
        suggestAll(trial);
        worker.close();
        return storage.trial(trial.record().id());
    }

    private TrialRecord stored(int number) {
        return storage.trialsChangedSince(storage.findStudy("leases").orElseThrow().id(), 0).trials().stream()
                .filter(t -> t.number() == number).findFirst().orElseThrow();
    }

    @Test
    void aTrialLeftRunningIsFailedByTheNextWorkerOnceTheGracePeriodHasPassedOnItsClock() {
        TrialRecord dead = startAndDie(worker(T0, 0));

        worker(T0.plus(GRACE), 0).ask();
        assertEquals(TrialState.RUNNING, stored(dead.number()).state(), "exactly the grace period is not yet past");

        Study next = worker(DEAD_AFTER_T0, 0);
        Trial trial = next.ask();
        TrialRecord failed = stored(dead.number());
        assertEquals(TrialState.FAIL, failed.state());
        assertTrue(failed.failReason().orElseThrow().contains("heartbeat"), failed.failReason()::get);
        assertEquals(DEAD_AFTER_T0, failed.end().orElseThrow());
        assertTrue(failed.values().isEmpty());
        assertEquals(2, trial.number(), "without retries, the next trial is a new one");
        assertTrue(next.trials().stream().noneMatch(t -> t.state() == TrialState.WAITING));
    }

    @Test
    void asksLookForStaleTrialsOnlyOnceARunningTrialStartedBeforeTheGraceCutOff() {
        HeartbeatLog log = new HeartbeatLog(storage);
        Function<Instant, Study> worker = now -> {
            Study study = Study.builder().name("leases").storage(log).sampler(Samplers.random()).seed(7)
                    .clock(InstantSource.fixed(now)).heartbeat(INTERVAL, GRACE).createOrLoad();
            workers.add(study);
            return study;
        };
        worker.apply(T0).ask();
        Study later = worker.apply(T0.plus(GRACE));
        later.ask();
        later.ask();
        assertEquals(0, log.reaps(), "a trial's heartbeat is never older than its start: none can be stale yet");
        worker.apply(DEAD_AFTER_T0).ask();
        assertEquals(1, log.reaps());
    }

    @Test
    void withOneRetryTheParametersOfADeadTrialRunAgainExactlyOnce() {
        TrialRecord original = startAndDie(worker(T0, 1));
        assertEquals(OptionalInt.empty(), original.retriedFrom());
        assertEquals(List.of(), original.retryHistory());

        Study second = worker(DEAD_AFTER_T0, 1);
        Trial retry = second.ask();
        assertEquals(TrialState.FAIL, stored(0).state());
        assertEquals(1, retry.number());
        assertEquals(OptionalInt.of(0), retry.record().retriedFrom());
        assertEquals(List.of(0), retry.record().retryHistory());
        @SuppressWarnings("unchecked")
        Map<String, Object> fixed = (Map<String, Object>) retry.record().systemAttrs().get("fixed_params");
        assertEquals(original.paramValues().keySet(), fixed.keySet());
        suggestAll(retry);
        assertEquals(original.paramValues(), retry.params(), "the retry runs the same point");
        second.close(); // the retry's worker dies too

        Instant later = DEAD_AFTER_T0.plus(GRACE).plusMillis(1);
        Trial third = worker(later, 1).ask();
        assertEquals(TrialState.FAIL, stored(1).state());
        assertEquals(2, third.number(), "a second death is not retried with retryFailedTrials(1)");
        assertEquals(OptionalInt.empty(), third.record().retriedFrom());
        List<TrialRecord> all = second.trials();
        assertEquals(3, all.size());
        assertEquals(1, all.stream().filter(t -> t.retriedFrom().isPresent()).count());
    }

    @Test
    void retriesOfRetriesKeepTheWholeHistory() {
        startAndDie(worker(T0, 2));
        TrialRecord first = startAndDie(worker(DEAD_AFTER_T0, 2));
        Instant secondDeath = DEAD_AFTER_T0.plus(GRACE).plusMillis(1);
        TrialRecord second = startAndDie(worker(secondDeath, 2));
        Trial fresh = worker(secondDeath.plus(GRACE).plusMillis(1), 2).ask();

        assertEquals(OptionalInt.of(0), first.retriedFrom());
        assertEquals(List.of(0), first.retryHistory());
        assertEquals(OptionalInt.of(1), second.retriedFrom());
        assertEquals(List.of(0, 1), second.retryHistory());
        assertEquals(stored(0).paramValues(), second.paramValues());
        assertEquals(3, fresh.number(), "after two retries, the third death is final");
        assertEquals(OptionalInt.empty(), fresh.record().retriedFrom());
        assertEquals(TrialState.FAIL, stored(2).state());
    }

    @Test
    void onlyTrialsWhoseWorkerDiedAreRetried() {
        Study study = worker(T0, 3);
        study.optimize(trial -> {
            suggestAll(trial);
            if (trial.number() == 0) {
                throw new IllegalStateException("diverged");
            }
            return 1.0;
        }, 2);
        study.tell(study.ask(), TrialState.FAIL);

        Trial next = worker(T0.plus(Duration.ofDays(1)), 3).ask();
        assertEquals(3, next.number());
        assertEquals(List.of(TrialState.FAIL, TrialState.COMPLETE, TrialState.FAIL, TrialState.RUNNING),
                study.trials().stream().map(TrialRecord::state).toList());
        assertTrue(study.trials().stream().noneMatch(t -> t.retriedFrom().isPresent()));
    }

    @Test
    void aStudyLevelBudgetCountsTheDeadTrialAndItsRetry() {
        TrialRecord dead = startAndDie(worker(T0, 1));
        AtomicInteger calls = new AtomicInteger();
        Study study = worker(DEAD_AFTER_T0, 1);
        study.optimize(trial -> {
            calls.incrementAndGet();
            suggestAll(trial);
            return 0.0;
        }, Budget.trials(5));

        List<TrialRecord> trials = study.trials();
        assertEquals(4, calls.get());
        assertEquals(5, trials.size());
        assertEquals(List.of(TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.COMPLETE), trials.stream().map(TrialRecord::state).toList());
        assertEquals(OptionalInt.of(0), trials.get(1).retriedFrom());
        assertEquals(dead.paramValues(), trials.get(1).paramValues());
    }

    @Test
    void aRetryEnqueuedWhenTheBudgetIsSpentWaitsForTheNextRun() {
        TrialRecord dead = startAndDie(worker(T0, 1));
        AtomicInteger calls = new AtomicInteger();
        Study study = worker(DEAD_AFTER_T0, 1);
        study.optimize(trial -> calls.incrementAndGet(), Budget.trials(1));
        assertEquals(0, calls.get(), "the dead trial spent the budget");
        assertEquals(List.of(TrialState.FAIL, TrialState.WAITING),
                study.trials().stream().map(TrialRecord::state).toList());

        study.optimize(trial -> {
            suggestAll(trial);
            return 0.0;
        }, Budget.trials(2));
        TrialRecord retry = study.trials().get(1);
        assertEquals(TrialState.COMPLETE, retry.state());
        assertEquals(dead.paramValues(), retry.paramValues());
        assertEquals(2, study.trials().size());
    }

    @Test
    void tellingAReapedTrialExplainsWhyAndKeepsTheFail() {
        Study paused = worker(T0, 1);
        Trial trial = paused.ask();
        suggestAll(trial);
        Trial retry = worker(DEAD_AFTER_T0, 1).ask();
        String reason = stored(0).failReason().orElseThrow();

        TrialLeaseExpiredException e = assertThrows(TrialLeaseExpiredException.class, () -> paused.tell(trial, 0.5));
        assertTrue(e.getMessage().contains("trial 0") && e.getMessage().contains("no heartbeat arrived within the"
                + " grace period") && e.getMessage().contains("its retry is trial " + retry.number()), e.getMessage());
        assertEquals(OptionalInt.of(retry.number()), e.retry());
        assertEquals(0, e.trialNumber());
        assertThrows(TrialLeaseExpiredException.class, () -> paused.tell(trial, TrialState.FAIL));
        assertThrows(TrialLeaseExpiredException.class, () -> paused.tell(trial, TrialState.PRUNED));
        assertThrows(TrialLeaseExpiredException.class, () -> trial.suggestFloat("y", 0, 1));
        assertThrows(TrialLeaseExpiredException.class, () -> trial.report(0, 1.0));
        TrialFinishedException byNumber = assertThrows(TrialFinishedException.class,
                () -> worker(DEAD_AFTER_T0, 1).tell(0, 0.5));
        assertTrue(byNumber.getMessage().contains("its retry is trial " + retry.number()), byNumber.getMessage());

        TrialRecord kept = stored(0);
        assertEquals(TrialState.FAIL, kept.state());
        assertEquals(List.of(), kept.values());
        assertEquals(reason, kept.failReason().orElseThrow(), "the reaper's reason is not overwritten");
    }

    @Test
    void withoutRetriesTheErrorSaysTheTrialWasNotRetried() {
        Study paused = worker(T0, 0);
        Trial trial = paused.ask();
        worker(DEAD_AFTER_T0, 0).ask();
        TrialLeaseExpiredException e = assertThrows(TrialLeaseExpiredException.class, () -> paused.tell(trial, 0.5));
        assertTrue(e.getMessage().contains("not retried"), e.getMessage());
        assertEquals(OptionalInt.empty(), e.retry());
        assertEquals(TrialState.FAIL, stored(0).state());
    }

    @Test
    void anOptimizeWhoseTrialWasReapedWhileItRanGoesOn() {
        Study paused = worker(T0, 1);
        Study other = worker(DEAD_AFTER_T0, 1);
        List<String> seen = new ArrayList<>();
        paused.optimize(trial -> {
            double x = trial.suggestFloat("x", -1, 1);
            if (trial.number() == 0) {
                Trial retry = other.ask(); // finds trial 0 without a heartbeat for longer than the grace period
                retry.suggestFloat("x", -1, 1);
                other.tell(retry, 9.0);
            }
            return x;
        }, Budget.trials(3), (study, t) -> seen.add(t.number() + ":" + t.state()));

        assertEquals(List.of("0:FAIL", "2:COMPLETE"), seen);
        List<TrialRecord> trials = paused.trials();
        assertEquals(3, trials.size());
        assertEquals(TrialState.FAIL, trials.get(0).state());
        assertTrue(trials.get(0).values().isEmpty(), "the late result is not recorded");
        assertEquals(OptionalInt.of(0), trials.get(1).retriedFrom());
        assertEquals(List.of(9.0), trials.get(1).values());
        assertEquals(trials.get(0).paramValues(), trials.get(1).paramValues());
    }

    @Test
    void aStudyWithHeartbeatsOffFailsNoTrials() {
        startAndDie(worker(T0, 0));
        Study off = Study.builder().name("leases").storage(storage).sampler(Samplers.random())
                .clock(InstantSource.fixed(T0.plus(Duration.ofDays(1)))).heartbeatOff().load();
        workers.add(off);
        off.ask();
        assertEquals(TrialState.RUNNING, stored(0).state());
        worker(T0.plus(Duration.ofDays(1)), 0).ask();
        assertEquals(TrialState.FAIL, stored(0).state(), "while a worker with heartbeats does");
    }

    @Test
    void heartbeatSettingsAreValidated() {
        Duration ten = Duration.ofSeconds(10);
        assertMessage(IllegalArgumentException.class, "interval must be positive, but got PT0S",
                () -> Study.builder().heartbeat(Duration.ZERO, GRACE));
        assertMessage(IllegalArgumentException.class, "interval must be positive, but got PT-1S",
                () -> Study.builder().heartbeat(Duration.ofSeconds(-1), GRACE));
        assertMessage(IllegalArgumentException.class,
                "grace period (PT10S) must be longer than the heartbeat interval (PT10S)",
                () -> Study.builder().heartbeat(ten, ten));
        assertMessage(IllegalArgumentException.class,
                "grace period (PT5S) must be longer than the heartbeat interval (PT10S)",
                () -> Study.builder().heartbeat(ten, Duration.ofSeconds(5)));
        assertMessage(IllegalArgumentException.class, "too long",
                () -> Study.builder().heartbeat(Duration.ofDays(365L * 300), Duration.ofDays(365L * 400)));
        assertMessage(NullPointerException.class, "interval", () -> Study.builder().heartbeat(null, GRACE));
        assertMessage(NullPointerException.class, "grace", () -> Study.builder().heartbeat(ten, null));
        assertMessage(IllegalArgumentException.class, "retries must be >= 0, but got -1",
                () -> Study.builder().retryFailedTrials(-1));
        assertMessage(IllegalStateException.class, "heartbeatOff()",
                () -> Study.builder().heartbeatOff().retryFailedTrials(1));
        assertMessage(IllegalStateException.class, "heartbeatOff()",
                () -> Study.builder().retryFailedTrials(2).heartbeatOff());
        assertMessage(IllegalStateException.class, "heartbeat was already set to every PT10S",
                () -> Study.builder().heartbeat(ten, GRACE).heartbeat(ten, GRACE));
        assertMessage(IllegalStateException.class, "heartbeat was already set to off",
                () -> Study.builder().heartbeatOff().heartbeat(ten, GRACE));
        Study.builder().retryFailedTrials(0).heartbeatOff().create().close();
    }

    private static void assertMessage(Class<? extends Exception> type, String part, Runnable call) {
        Exception e = assertThrows(type, call::run);
        assertTrue(e.getMessage() != null && e.getMessage().contains(part), e::getMessage);
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void aDetachedTrialIsNeverReapedAndAnotherProcessCanTellIt() {
        Study asker = worker(T0, 1);
        Trial trial = asker.ask();
        suggestAll(trial);
        asker.detach(trial);
        asker.close();

        worker(T0.plus(Duration.ofDays(365)), 1).ask();
        assertEquals(TrialState.RUNNING, stored(trial.number()).state(), "a detached trial has no lease to lose");

        Study teller = worker(T0.plus(Duration.ofDays(366)), 1);
        teller.tell(trial.number(), 0.5);
        assertEquals(TrialState.COMPLETE, stored(trial.number()).state());
    }
}
