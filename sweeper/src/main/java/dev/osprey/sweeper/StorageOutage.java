package dev.osprey.sweeper;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.storage.StorageUnreachableException;
import dev.osprey.optimizer.trial.TrialFinishedException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Rides out a study database that cannot be reached, for the sweep's storage calls: the first
 * unreachable call starts an outage, which the listeners hear of at once; then a probe (the sweep
 * renews its running trials' leases, so that no reaper fails them as dead when the database is
 * back) is tried with a pause that doubles up to {@link #MAX_PAUSE}, until it succeeds and the
 * call is made again, or until the outage has lasted the budget ({@link StudyDatabaseLost}).
 * The budget counts from the outage's start, never per call.
 */
final class StorageOutage {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(15);

    /** Waits between probes; returns early (and the outage ends) when the sweep is interrupted. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration length) throws InterruptedException;
    }

    /** The study database stayed unreachable for the whole budget, or the sweep was interrupted meanwhile. */
    static final class StudyDatabaseLost extends RuntimeException {
        StudyDatabaseLost(String message, StorageUnreachableException cause) {
            super(message, cause);
        }
    }

    private final Duration budget;
    private final InstantSource clock;
    private final Pause pause;
    private final List<SweepListener> listeners;
    private final IntSupplier runningJobs;
    private final BooleanSupplier stopRequested;
    private Runnable probe = () -> {
    };
    /** Wakes the pause between probes when the sweep is interrupted. */
    private final Object wakeUp = new Object();
    /** When the current outage began; null while the database answers. */
    private Instant since;

    /**
     * @param pause how to wait between probes, or null to wait for real, until the sweep is
     *              interrupted ({@link #wake})
     */
    StorageOutage(Duration budget, InstantSource clock, Pause pause, List<SweepListener> listeners,
                  IntSupplier runningJobs, BooleanSupplier stopRequested) {
        this.budget = budget;
        this.clock = clock;
        this.pause = pause != null ? pause : this::waitUnlessStopped;
        this.listeners = listeners;
        this.runningJobs = runningJobs;
        this.stopRequested = stopRequested;
    }

    /** Ends a pause between probes at once: the sweep was interrupted. */
    void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void waitUnlessStopped(Duration length) throws InterruptedException {
        long until = System.nanoTime() + length.toNanos();
        synchronized (wakeUp) {
            for (long left = length.toNanos(); !stopRequested.getAsBoolean() && left > 0; left = until - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(wakeUp, left);
            }
        }
    }

    /**
     * The sweep's probe: renews the running trials' leases, so that an outage longer than the
     * heartbeat's grace does not let the next reaper (the sweep's own, on its next ask) fail them as
     * dead; with nothing running, it looks the study up.
     */
    static Runnable leaseRenewal(Study study, Supplier<Collection<Trial>> running, InstantSource clock) {
        return () -> {
            Collection<Trial> trials = running.get();
            if (trials.isEmpty()) {
                study.storage().findStudy(study.name());
                return;
            }
            Instant now = clock.instant();
            for (Trial trial : trials) {
                try {
                    study.storage().recordHeartbeat(trial.record().id(), now);
                } catch (TrialFinishedException toldMeanwhile) {
                    // its tell was stored just as the connection broke: nothing to renew
                }
            }
        };
    }

    /** What proves the database is back; run before a failed call is made again. */
    void probe(Runnable value) {
        probe = value;
    }

    Duration budget() {
        return budget;
    }

    /** Makes a storage call, riding out an outage. */
    <T> T call(Supplier<T> action) {
        while (true) {
            try {
                return action.get();
            } catch (StorageUnreachableException e) {
                awaitReachable(e);
            }
        }
    }

    /**
     * Tells a trial, riding out an outage. A tell whose answer was lost with the connection may have
     * been stored: told again, it meets a finished trial, and {@code stored} reads what was kept
     * (told once, never twice).
     */
    <T> T tell(Supplier<T> tell, Supplier<T> stored) {
        boolean retried = false;
        while (true) {
            try {
                return tell.get();
            } catch (StorageUnreachableException e) {
                awaitReachable(e);
                retried = true;
            } catch (TrialFinishedException e) {
                if (!retried) {
                    throw e;
                }
                return call(stored);
            }
        }
    }

    private void awaitReachable(StorageUnreachableException failure) {
        if (since == null) {
            since = clock.instant();
            listeners.forEach(l -> l.storageUnreachable(failure.getMessage(), budget, runningJobs.getAsInt()));
        }
        Duration next = FIRST_PAUSE;
        StorageUnreachableException last = failure;
        while (true) {
            Duration left = Duration.between(clock.instant(), since.plus(budget));
            if (stopRequested.getAsBoolean()) {
                throw new StudyDatabaseLost("the sweep was interrupted while the study database was unreachable", last);
            }
            if (left.isNegative() || left.isZero()) {
                throw new StudyDatabaseLost("the study database stayed unreachable for " + budget.toSeconds() + " s", last);
            }
            try {
                pause.pause(next.compareTo(left) < 0 ? next : left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new StudyDatabaseLost("the sweep was interrupted while the study database was unreachable", last);
            }
            next = next.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? next.multipliedBy(2) : MAX_PAUSE;
            try {
                probe.run();
            } catch (StorageUnreachableException stillDown) {
                last = stillDown;
                continue;
            }
            Duration lasted = Duration.between(since, clock.instant());
            since = null;
            listeners.forEach(l -> l.storageReachable(lasted));
            return;
        }
    }
}
