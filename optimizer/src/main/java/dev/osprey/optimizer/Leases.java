package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageUnreachableException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The leases of the RUNNING trials one {@link Study} object hands out, and the reaper that fails
 * the trials of dead workers.
 *
 * <p>A trial's lease starts with {@link Storage#startTrial} (its first heartbeat) and is renewed by
 * one daemon thread, every interval, for all trials this object holds, until the trial is
 * finished here or {@link #close()} is called. The thread is started on the first trial and ends
 * when nothing has been held for about two intervals, so a study that is never closed does not
 * keep a thread for nothing.
 *
 * <p>Before a trial starts, {@link #reap} fails the study's RUNNING trials whose last heartbeat is
 * older than the grace period, and enqueues retries of them if the settings ask for it.
 */
final class Leases implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Leases.class.getName());
    /** How long close() waits for a renewal under way (a slow database) before giving up on it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /**
     * @param interval   how often leases are renewed, or null when heartbeats are off
     * @param grace      how old a heartbeat may be before its trial is failed
     * @param maxRetries how many times the parameters of a trial whose worker died are run again
     */
    record Settings(Duration interval, Duration grace, int maxRetries) {

        /**
         * Six intervals of grace: a trial is declared dead only after five beats in a row went
         * missing, so a long GC pause or a slow database does not fail a live trial.
         */
        static final Settings DEFAULT = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(60), 0);

        boolean enabled() {
            return interval != null;
        }

        Settings withRetries(int retries) {
            return new Settings(interval, grace, retries);
        }

        @Override
        public String toString() {
            return enabled() ? "every " + interval + " with a grace period of " + grace : "off";
        }
    }

    private final Storage storage;
    private final long studyId;
    private final String studyName;
    private final InstantSource clock;
    private final Settings settings;
    /** Trial id to number, for the trials renewed now. */
    private final Map<Long, Integer> held = new ConcurrentHashMap<>();
    /** Trials handed out here that were finished elsewhere (a reaper) before this object finished them. */
    private final Set<Long> lost = ConcurrentHashMap.newKeySet();
    /** Whether the outage that stops the renewals now was reported: once, not every interval for every trial. */
    private volatile boolean unreachableReported;
    // guarded by this
    private ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> renewals;
    private boolean closed;
    private volatile Thread thread;

    Leases(Storage storage, long studyId, String studyName, InstantSource clock, Settings settings) {
        this.storage = storage;
        this.studyId = studyId;
        this.studyName = studyName;
        this.clock = clock;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Refuses to start trials once closed: nothing would renew their leases. */
    synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("study '" + studyName + "' was closed, so it starts no more trials"
                    + " (nothing would renew their leases); build a new Study object to go on");
        }
    }

    /** Renews this trial's lease from now on. */
    synchronized void hold(TrialRecord trial) {
        if (!settings.enabled() || closed) {
            return;
        }
        held.put(trial.id(), trial.number());
        if (renewals == null) {
            if (executor == null) {
                executor = newExecutor();
            }
            long nanos = settings.interval().toNanos();
            // fixed delay, not rate: a slow storage delays the next renewal instead of piling them up
            renewals = executor.scheduleWithFixedDelay(this::renewAll, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops renewing a trial this object has finished. */
    void release(long trialId) {
        held.remove(trialId);
        lost.remove(trialId);
    }

    private ScheduledThreadPoolExecutor newExecutor() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "osprey-heartbeat-" + studyName);
            t.setDaemon(true); // a study that is never closed must not keep the JVM alive
            thread = t;
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setKeepAliveTime(settings.interval().toNanos(), TimeUnit.NANOSECONDS);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private void renewAll() {
        if (held.isEmpty() && stopWhenIdle()) {
            return;
        }
        Instant now = clock.instant();
        for (Map.Entry<Long, Integer> trial : held.entrySet()) {
            try {
                storage.recordHeartbeat(trial.getKey(), now);
            } catch (TrialFinishedException finished) {
                // finished elsewhere (a reaper, or a tell through another Study object): the tell here explains it
                markLost(trial.getKey());
                LOG.log(System.Logger.Level.DEBUG, "trial {0} of study ''{1}'' finished elsewhere; its lease is"
                        + " no longer renewed", trial.getValue(), studyName);
            } catch (StorageUnreachableException e) {
                // the caller's own calls meet the outage too, and a sweep says so: a warning every interval is noise
                LOG.log(unreachableReported ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                        "could not renew the leases of study ''{0}'' (tried again every {1} until the database"
                        + " answers): {2}", studyName, settings.interval(), e.getMessage());
                unreachableReported = true;
                return;
            } catch (RuntimeException e) {
                // one failed write must not end the renewals: the next one may well succeed within the grace
                LOG.log(System.Logger.Level.WARNING, "could not renew the lease of trial {0} of study ''{1}''"
                        + " (tried again in {2}): {3}", trial.getValue(), studyName, settings.interval(), e);
            }
        }
        unreachableReported = false;
    }

    /**
     * Ends the renewals once nothing is held, so that the thread can end. Not done on release:
     * trials told one after another would schedule and cancel a task each.
     */
    private synchronized boolean stopWhenIdle() {
        if (!held.isEmpty() || renewals == null) {
            return false;
        }
        renewals.cancel(false);
        renewals = null;
        return true;
    }

    private synchronized void markLost(long trialId) {
        if (held.remove(trialId) != null) {
            lost.add(trialId);
        }
    }

    /** The grace cut-off at {@code now} (a RUNNING trial whose heartbeat is older is stale), or null when heartbeats are off. */
    Instant staleBefore(Instant now) {
        return settings.enabled() ? now.minus(settings.grace()) : null;
    }

    /**
     * Fails the study's trials whose lease ran out at {@code now} and enqueues their retries.
     * Returns whether any trial was failed.
     */
    boolean reap(Instant now) {
        if (!settings.enabled()) {
            return false;
        }
        List<TrialRecord> failed = storage.failStaleTrials(studyId, now, settings.grace());
        for (TrialRecord dead : failed) {
            markLost(dead.id()); // this object's own trial, if it stalled for longer than the grace period
            List<Integer> history = new ArrayList<>(dead.retryHistory());
            history.add(dead.number());
            if (history.size() > settings.maxRetries()) {
                LOG.log(System.Logger.Level.WARNING, "trial {0} of study ''{1}'' was failed: {2}; it is not retried"
                                + " ({3} attempt(s) so far, at most {4} retries)", dead.number(), studyName,
                        dead.failReason().orElse("no heartbeat within the grace period"), history.size(),
                        settings.maxRetries());
                continue;
            }
            TrialRecord retry = storage.enqueueTrial(studyId, retryAttrs(dead, history));
            LOG.log(System.Logger.Level.WARNING, "trial {0} of study ''{1}'' was failed: {2}; its parameters run"
                            + " again as trial {3}", dead.number(), studyName,
                    dead.failReason().orElse("no heartbeat within the grace period"), retry.number());
        }
        return !failed.isEmpty();
    }

    /** Like Optuna's retry callback: the same parameters, and where they came from. */
    static Map<String, Object> retryAttrs(TrialRecord dead, List<Integer> history) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        // an enqueued trial may have died before suggesting all of its fixed parameters
        if (dead.systemAttrs().get(LiveTrial.FIXED_PARAMS) instanceof Map<?, ?> enqueued) {
            enqueued.forEach((k, v) -> fixed.put(k.toString(), v));
        }
        fixed.putAll(dead.paramValues());
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put(LiveTrial.FIXED_PARAMS, fixed);
        attrs.put(TrialRecord.FAILED_TRIAL, dead.number());
        attrs.put(TrialRecord.RETRY_HISTORY, history);
        return attrs;
    }

    /**
     * The error for a write to a trial that is already finished: if a reaper failed it while this
     * object held it (or it has a retry), an explanation of that; otherwise {@code e} itself.
     */
    RuntimeException explain(long trialId, TrialFinishedException e, String attempted,
                             Supplier<List<TrialRecord>> trials) {
        if (e instanceof TrialLeaseExpiredException) {
            return e;
        }
        try {
            TrialRecord stored = storage.trial(trialId);
            if (stored.state() != TrialState.FAIL) {
                return e;
            }
            OptionalInt retry = trials.get().stream()
                    .filter(t -> t.retriedFrom().equals(OptionalInt.of(stored.number())))
                    .mapToInt(TrialRecord::number).min();
            boolean handedOutHere = held.containsKey(trialId) || lost.contains(trialId);
            if (!handedOutHere && retry.isEmpty()) {
                return e; // nothing here says that a reaper failed it: most likely a tell did
            }
            markLost(trialId);
            TrialLeaseExpiredException expired = new TrialLeaseExpiredException(stored.number(), attempted,
                    stored.failReason().orElse(null), retry);
            expired.initCause(e);
            return expired;
        } catch (RuntimeException lookup) {
            e.addSuppressed(lookup);
            return e;
        }
    }

    /**
     * Stops the renewals and waits for the thread to end. The trials still held stay RUNNING: their
     * leases run out, which is how other workers see a dead one.
     */
    @Override
    public void close() {
        ScheduledThreadPoolExecutor pool;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            renewals = null;
            pool = executor;
        }
        if (pool == null) {
            return;
        }
        pool.shutdown(); // drops the scheduled renewals; one under way finishes
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            boolean ended = pool.awaitTermination(CLOSE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            Thread last = thread;
            if (ended && last != null) {
                // the pool terminates just before its thread exits; wait for that too
                last.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            if (!ended || (last != null && last.isAlive())) {
                pool.shutdownNow();
                LOG.log(System.Logger.Level.WARNING, "the heartbeat of study ''{0}'' did not stop within {1}"
                        + " (a storage call is slow); it was interrupted", studyName, CLOSE_WAIT);
            }
        } catch (InterruptedException interrupted) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
