package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heartbeat thread: it renews the leases of running trials, optimize's and ask's alike, stops
 * renewing a trial once it is told, and stops altogether on close. The renewals run on a short
 * real interval; the tests wait for them through {@link HeartbeatLog} and never sleep.
 */
class StudyHeartbeatTest {

    private static final Instant T0 = TickingClock.ORIGIN;
    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final long PATIENCE_SECONDS = 30;

    private final HeartbeatLog storage = new HeartbeatLog(Storages.inMemory());
    private final SettableClock clock = new SettableClock(T0);
    /** Unique, since heartbeat threads are named after their study and tests may share the JVM. */
    private final String name = "heartbeat-" + UUID.randomUUID();
    private final List<Study> workers = new ArrayList<>();

    @AfterEach
    void closeWorkers() {
        workers.forEach(Study::close);
    }

    private Study worker(InstantSource time) {
        Study study = Study.builder().name(name).storage(storage).sampler(Samplers.random())
                .clock(time).heartbeat(INTERVAL, GRACE).createOrLoad();
        workers.add(study);
        return study;
    }

    private Optional<Thread> heartbeatThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("osprey-heartbeat-" + name) && t.isAlive())
                .findFirst();
    }

    @Test
    void heartbeatsKeepALongRunningTrialAlive() throws Exception {
        Study study = worker(clock);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicLong trialId = new AtomicLong();
        CompletableFuture<Void> optimize = CompletableFuture.runAsync(() -> study.optimize(trial -> {
            trialId.set(trial.record().id());
            running.countDown();
            assertTrue(finish.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the test never let the objective end");
            return 1.0;
        }, 1));
        assertTrue(running.await(PATIENCE_SECONDS, TimeUnit.SECONDS));

        Instant later = T0.plus(GRACE.multipliedBy(10)); // the start heartbeat alone is long stale by then
        clock.set(later);
        assertTrue(storage.await(trialId.get(), later, 1), "no heartbeat while the objective ran");
        Trial other = worker(InstantSource.fixed(later)).ask(); // its reaper runs at 'later'
        assertEquals(TrialState.RUNNING, storage.trial(trialId.get()).state());
        assertNotEquals(trialId.get(), other.record().id());

        finish.countDown();
        optimize.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals(TrialState.COMPLETE, storage.trial(trialId.get()).state());
    }

    @Test
    void askedTrialsAreRenewedUntilTheyAreTold() throws Exception {
        Study study = worker(clock);
        Trial first = study.ask();
        long firstId = first.record().id();
        Instant t1 = T0.plusSeconds(3600);
        clock.set(t1);
        assertTrue(storage.await(firstId, t1, 1), "an asked trial is renewed too");

        study.tell(first, 1.0);
        Instant t2 = T0.plusSeconds(7200);
        clock.set(t2); // every renewal stamped t2 or later began after the tell
        Trial second = study.ask();
        assertTrue(storage.await(second.record().id(), t2, 2), "the renewals go on for the trials still held");
        assertEquals(List.of(), storage.beatsSince(firstId, t2), "a told trial is not renewed");
    }

    @Test
    void closeStopsTheThreadAndLeavesHeldTrialsToTheReaper() throws Exception {
        Study study = worker(clock);
        Trial told = study.ask();
        Trial abandoned = study.ask();
        assertTrue(storage.await(abandoned.record().id(), T0, 1));
        Thread thread = heartbeatThread().orElseThrow();
        assertTrue(thread.isDaemon());

        study.close();
        assertFalse(thread.isAlive(), "close returns once the heartbeat thread has ended");
        assertEquals(Optional.empty(), heartbeatThread());
        int beats = storage.beats(abandoned.record().id()).size();
        IllegalStateException closed = assertThrows(IllegalStateException.class, study::ask);
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        study.close();
        assertEquals(beats, storage.beats(abandoned.record().id()).size(), "no heartbeat after close");

        assertEquals(TrialState.COMPLETE, study.tell(told, 2.0).state(), "telling still works after close");
        assertEquals(TrialState.RUNNING, storage.trial(abandoned.record().id()).state());
        worker(InstantSource.fixed(T0.plus(GRACE).plusMillis(1))).ask();
        assertEquals(TrialState.FAIL, storage.trial(abandoned.record().id()).state());
    }

    @Test
    void theThreadEndsWhenNothingIsHeldAndComesBackForTheNextTrial() throws Exception {
        Study study = worker(clock);
        Trial first = study.ask();
        assertTrue(storage.await(first.record().id(), T0, 1));
        Thread thread = heartbeatThread().orElseThrow();
        study.tell(first, 1.0);
        thread.join(Duration.ofSeconds(PATIENCE_SECONDS));
        assertFalse(thread.isAlive(), "an idle heartbeat thread ends");

        Trial second = study.ask();
        assertTrue(storage.await(second.record().id(), T0, 1), "the next trial is renewed by a new thread");
        assertTrue(heartbeatThread().isPresent());
    }

    @Test
    void aStudyWithHeartbeatsOffStartsNoThread() {
        Study off = Study.builder().name(name).storage(storage).sampler(Samplers.random()).clock(clock)
                .heartbeatOff().create();
        workers.add(off);
        off.ask();
        assertEquals(Optional.empty(), heartbeatThread());
        worker(clock).ask();
        assertTrue(heartbeatThread().isPresent(), "while one with heartbeats does, at once");
    }

    @Test
    void aStudyInMemoryStartsNoThreadUnlessAsked() {
        Study inMemory = Study.builder().name(name).storage(Storages.inMemory()).sampler(Samplers.random()).create();
        workers.add(inMemory);
        inMemory.ask();
        assertEquals(Optional.empty(), heartbeatThread());
        Study asked = Study.builder().name(name).storage(Storages.inMemory()).sampler(Samplers.random())
                .heartbeat(INTERVAL, GRACE).create();
        workers.add(asked);
        asked.ask();
        assertTrue(heartbeatThread().isPresent(), "a heartbeat asked for runs");
    }
}
