package dev.osprey.launchers.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One background thread that watches every live job of a launcher: each round asks the scheduler
 * for all their states at once, then lets each job move on. A thread per job would not scale to
 * a sweep of thousands of queued trials, and one thread keeps each job's intermediate values in
 * order for its pruner.
 *
 * <p>Not part of the API: shared by the task-spooler and Slurm launchers.
 */
public final class JobPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobPoller.class.getName());
    /** How often an unreachable scheduler is reported, at most. */
    private static final Duration COMPLAINT_INTERVAL = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final Set<RemoteJob> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread;
    private long lastComplaint = System.nanoTime() - COMPLAINT_INTERVAL.toNanos();
    private final long intervalNanos;
    private final long firstLookNanos;
    /** The delay of the next extra round; reset by each submission. One chain of extra rounds at a time. */
    private volatile long earlyDelay;
    /** Until when (System.nanoTime) the extra rounds go on. */
    private volatile long earlyUntil;
    private final java.util.concurrent.atomic.AtomicBoolean earlyPending = new java.util.concurrent.atomic.AtomicBoolean();

    /** A poller that first looks at a new job after a sixteenth of {@code interval}. */
    public JobPoller(Scheduler scheduler, Duration interval) {
        this(scheduler, interval, interval.dividedBy(16));
    }

    /**
     * @param interval  the steady time between rounds
     * @param firstLook how soon after a submission the first extra round runs; extra rounds then
     *                  come 1.5 times further apart, but at most an eighth of {@code interval}
     *                  apart, for three intervals after the last submission: a short job is seen
     *                  ending soon after it ends, not a whole interval later, and a long one costs
     *                  the scheduler no more than the steady rounds
     */
    public JobPoller(Scheduler scheduler, Duration interval, Duration firstLook) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, got " + interval);
        }
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
        this.firstLookNanos = Math.max(1_000_000, firstLook.toNanos());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "osprey-" + scheduler.name() + "-poller");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::round, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts watching a submitted job. */
    public void add(RemoteJob job) {
        if (!job.result().isDone()) {
            live.add(job);
            earlyDelay = firstLookNanos;
            earlyUntil = System.nanoTime() + 3 * intervalNanos;
            if (firstLookNanos < intervalNanos && earlyPending.compareAndSet(false, true)) {
                scheduleEarly(firstLookNanos);
            }
        }
    }

    private void scheduleEarly(long delay) {
        try {
            thread.schedule(() -> {
                round();
                long next = Math.min((long) (earlyDelay * 1.5), Math.max(firstLookNanos, intervalNanos / 8));
                earlyDelay = next;
                if (!live.isEmpty() && System.nanoTime() + next < earlyUntil) {
                    scheduleEarly(next);
                } else {
                    earlyPending.set(false);
                }
            }, delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            earlyPending.set(false);
        }
    }

    /** The jobs not yet ended. */
    public int liveCount() {
        return live.size();
    }

    private void round() {
        try {
            List<RemoteJob> jobs = new ArrayList<>(live);
            if (jobs.isEmpty()) {
                return;
            }
            Map<String, QueueState> states = Map.of();
            boolean answered;
            try {
                states = scheduler.states(jobs.stream().map(RemoteJob::id).toList());
                answered = true;
            } catch (IOException | RuntimeException e) {
                answered = false;
                complain(e);
            }
            long now = System.nanoTime();
            for (RemoteJob job : jobs) {
                boolean done;
                try {
                    done = job.update(answered ? states.get(job.id()) : null, answered, now);
                } catch (RuntimeException e) {
                    job.fail("the " + scheduler.name() + " launcher failed while watching job " + job.id() + ": " + e);
                    done = true;
                }
                if (done) {
                    live.remove(job);
                }
            }
        } catch (Throwable e) {
            // an exception would silently end the scheduled rounds, and with them every job
            LOG.log(System.Logger.Level.ERROR, "the " + scheduler.name() + " poller failed a round", e);
        }
    }

    private void complain(Exception e) {
        long now = System.nanoTime();
        if (now - lastComplaint >= COMPLAINT_INTERVAL.toNanos()) {
            lastComplaint = now;
            LOG.log(System.Logger.Level.WARNING, "cannot ask " + scheduler.name() + " about " + live.size()
                    + " job(s): " + e.getMessage() + "; still trying");
        }
    }

    /**
     * Cancels every live job (queued ones first, so that none starts in a slot a cancel frees),
     * waits up to {@code wait} for the scheduler to confirm, ends the rest as cancelled, and
     * stops the thread.
     */
    public void close(Duration wait) {
        List<RemoteJob> jobs = new ArrayList<>(live);
        jobs.sort(Comparator.comparing((RemoteJob j) -> !(j.lastState() instanceof QueueState.Queued))
                .thenComparing(Comparator.comparingInt(RemoteJob::number).reversed()));
        jobs.forEach(RemoteJob::cancel);
        long deadline = System.nanoTime() + wait.toNanos();
        for (RemoteJob job : jobs) {
            try {
                job.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // not confirmed in time: ended below
            }
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RemoteJob job : live) {
            job.abandon("the launcher closed before " + scheduler.name() + " confirmed that job " + job.id() + " ended");
        }
        live.clear();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
