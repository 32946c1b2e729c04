package dev.osprey.launchers.internal;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.ObjectiveLines;
import dev.osprey.launchers.protocol.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A job handed to a scheduler. Its {@link JobPoller} feeds it the scheduler's state; the job
 * passes on intermediate values from its {@code stdout.log}, enforces its time limit, stops
 * itself when asked, and decides its result when the scheduler is done with it.
 *
 * <p>Not part of the API: shared by the task-spooler and Slurm launchers.
 */
public final class RemoteJob implements JobHandle {

    private static final System.Logger LOG = System.getLogger(RemoteJob.class.getName());
    /** How long a job may be unknown to its scheduler right after submission (a lagging listing). */
    private static final Duration UNKNOWN_GRACE = Duration.ofSeconds(5);
    /** How long a result file may lag behind the job's end (attribute caching on shared file systems). */
    private static final Duration RESULT_GRACE = Duration.ofSeconds(10);
    /** How long after SIGKILL a stopped job ends even if its scheduler cannot confirm it. */
    private static final Duration UNCONFIRMED_STOP = Duration.ofSeconds(30);

    private final Job job;
    private final JobFiles files;
    private final String id;
    private final Scheduler scheduler;
    private final Duration killGrace;
    private final ReportTail reports;
    private final long submitted = System.nanoTime();
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    /** Why Osprey stopped the job, if it did; the first reason wins. */
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private volatile QueueState lastState = QueueState.QUEUED;
    private volatile long started = -1;
    private volatile long stopAt;
    private boolean killSent;
    private long resultMissingSince = -1;
    /** Since when a failure has been seen, for a scheduler that requeues jobs; -1 when none. */
    private long failureSeenSince = -1;
    /** How long a failure must stay seen before it counts, where a requeued job passes through an end. */
    private static final Duration REQUEUE_SETTLE = Duration.ofSeconds(2);

    private record Stop(JobStatus status, String why) {
    }

    private RemoteJob(Job job, String id, Scheduler scheduler, Duration killGrace) {
        this.job = job;
        this.files = new JobFiles(job.directory());
        this.id = id;
        this.scheduler = scheduler;
        this.killGrace = killGrace;
        this.reports = new ReportTail(files.stdout());
    }

    /** A job the scheduler accepted under {@code id}. */
    public static RemoteJob submitted(Job job, String id, Scheduler scheduler, Duration killGrace) {
        return new RemoteJob(job, id, scheduler, killGrace);
    }

    /** A job the scheduler refused (bad resources, unknown partition): it has failed already. */
    public static RemoteJob rejected(Job job, Scheduler scheduler, String error) {
        RemoteJob handle = new RemoteJob(job, "rejected", scheduler, Duration.ZERO);
        handle.finish(JobResult.ended(job.number(), JobStatus.FAILED, error, OptionalInt.empty(), Duration.ZERO,
                Optional.of(job.directory())), true);
        return handle;
    }

    /**
     * Removes the outputs of an earlier run in the job directory, so that a stale result cannot
     * pass for this run's: {@code result.json}, the objective file and the failure file.
     */
    public static void clearOutputs(Job job) throws IOException {
        JobFiles files = new JobFiles(job.directory());
        Files.deleteIfExists(files.result());
        Files.deleteIfExists(files.objective());
        Files.deleteIfExists(files.failure());
    }

    @Override
    public int number() {
        return job.number();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Path> logs() {
        return Optional.of(files.stdout());
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        requestStop(JobStatus.CANCELLED, "cancelled", System.nanoTime());
    }

    /** The scheduler's last known state of the job. */
    QueueState lastState() {
        return lastState;
    }

    /**
     * Moves the job on; called by the poller only.
     *
     * @param state    the scheduler's state of the job, or null when it does not know the job
     * @param answered false when the scheduler could not be asked this time (state is then null)
     * @return whether the job has ended
     */
    boolean update(QueueState state, boolean answered, long now) {
        if (result.isDone()) {
            return true;
        }
        if (answered) {
            if (state instanceof QueueState.Running && started < 0) {
                started = now;
            }
            passReports(false, now);
            if (state instanceof QueueState.Ended || (state == null && mayConclude(now))) {
                return conclude(state, now);
            }
            failureSeenSince = -1; // queued or running again (requeued): what ended before does not count
            if (state != null) {
                lastState = state;
            }
        } else {
            passReports(false, now);
        }
        Stop stopped = stop.get();
        if (stopped == null && started >= 0 && job.timeout().isPresent()
                && now - started >= job.timeout().get().toNanos()) {
            requestStop(JobStatus.TIMED_OUT, "timed out after " + job.timeout().get().toMillis() / 1000.0 + " s", now);
        }
        stopped = stop.get();
        if (stopped != null && !killSent && now - stopAt >= killGrace.toNanos()) {
            killSent = true;
            try {
                scheduler.kill(id);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot kill " + scheduler.name() + " job " + id + ": " + e.getMessage());
            }
        }
        if (stopped != null && now - stopAt >= killGrace.plus(UNCONFIRMED_STOP).toNanos()) {
            finish(Outcomes.stopped(job.number(), stopped.status(), stopped.why() + " (" + scheduler.name()
                    + " did not confirm that job " + id + " ended)", Outcomes.read(files, job.number()), null,
                    elapsed(now), files), false);
            return true;
        }
        return false;
    }

    /** Ends the job at once (the launcher is closing and the scheduler did not confirm in time). */
    void abandon(String why) {
        Stop stopped = stop.get();
        JobStatus status = stopped == null ? JobStatus.CANCELLED : stopped.status();
        finish(JobResult.ended(job.number(), status, (stopped == null ? "" : stopped.why() + "; ") + why,
                OptionalInt.empty(), elapsed(System.nanoTime()), Optional.of(files.directory())), false);
    }

    /** Ends the job with a launcher failure, so that one broken job cannot stop the poller. */
    void fail(String why) {
        finish(JobResult.ended(job.number(), JobStatus.FAILED, why, OptionalInt.empty(),
                elapsed(System.nanoTime()), Optional.of(files.directory())), false);
    }

    /** A job the scheduler does not know concludes only after a short grace, or when Osprey removed it. */
    private boolean mayConclude(long now) {
        return stop.get() != null || Files.exists(files.result()) || now - submitted >= UNKNOWN_GRACE.toNanos();
    }

    private boolean conclude(QueueState state, long now) {
        passReports(true, now);
        Outcomes.Written written = Outcomes.read(files, job.number());
        Stop stopped = stop.get();
        if (stopped != null) {
            String why = stopped.why() + (started < 0 && !(state instanceof QueueState.Ended) ? " before it started" : "");
            finish(Outcomes.stopped(job.number(), stopped.status(), why, written, state, elapsed(now), files), false);
            return true;
        }
        // the scheduler saw the job exit 0 by itself (not cancelled, not timed out)
        boolean cleanExit = state instanceof QueueState.Ended ended && ended.status() == JobStatus.FAILED
                && ended.exitCode().isPresent() && ended.exitCode().getAsInt() == 0;
        if (written instanceof Outcomes.Written.Missing && cleanExit) {
            // the wrapper exits 0 only after writing its result: the file is on its way
            if (resultMissingSince < 0) {
                resultMissingSince = now;
            }
            if (now - resultMissingSince < RESULT_GRACE.toNanos()) {
                return false;
            }
        }
        JobResult outcome = Outcomes.ended(job.number(), id, scheduler, written, state, elapsed(now), files);
        if (outcome.status() == JobStatus.FAILED && scheduler.requeuesJobs()) {
            // Slurm can show a job that scontrol requeue (or preemption) stops as ended for a moment
            // before it is pending again: a failure counts once it has stayed a failure a little while
            if (failureSeenSince < 0) {
                failureSeenSince = now;
            }
            if (now - failureSeenSince < REQUEUE_SETTLE.toNanos()) {
                return false;
            }
        }
        boolean unchanged = written instanceof Outcomes.Written.Found(JobResult found) && found.equals(outcome);
        finish(outcome, unchanged);
        return true;
    }

    /** Hands new intermediate values to the pruner, in order; stops the job when it says so. */
    private void passReports(boolean ended, long now) {
        for (ObjectiveLines.Report report : reports.read(ended)) {
            if (stop.get() != null) {
                return;
            }
            if (job.pruning().report(report.step(), report.value())) {
                requestStop(JobStatus.PRUNED, "pruned at step " + report.step() + " (value " + report.value() + ")", now);
            }
        }
    }

    private void requestStop(JobStatus status, String why, long now) {
        if (result.isDone() || !stop.compareAndSet(null, new Stop(status, why))) {
            return;
        }
        stopAt = now;
        try {
            scheduler.stop(id);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot stop " + scheduler.name() + " job " + id + " ("
                    + why + "): " + e.getMessage() + "; will try SIGKILL after the grace period");
        }
    }

    /** Completes the future; writes result.json unless the wrapper's file already says the same. */
    private void finish(JobResult outcome, boolean fileIsCurrent) {
        if (result.isDone()) {
            return;
        }
        if (!fileIsCurrent) {
            try {
                ResultJson.write(outcome, files.result());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot write " + files.result() + ": " + e.getMessage());
            }
        }
        scheduler.forget(id);
        result.complete(outcome);
    }

    private Duration elapsed(long now) {
        return Duration.ofNanos(now - (started >= 0 ? started : submitted));
    }
}
