package dev.osprey.sweeper;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A job whose config another trial runs or ran: it waits for that trial and ends with its values, or,
 * when that trial failed or was pruned, claims the config again and runs like any job.
 */
final class ReusedResult implements JobHandle {

    /** How often the other trial is looked at while it runs. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final Job job;
    private final String digest;
    private final TrialRecord trial;
    private final ConfigCache cache;
    private final Launcher launcher;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final long created = System.nanoTime();
    /** Guarded by this. */
    private JobHandle running;
    private boolean cancelled;
    /** The trial whose values were reused, once they were. */
    private volatile TrialRecord owner;

    ReusedResult(Job job, String digest, TrialRecord trial, ConfigCache cache, Launcher launcher, long ownerTrialId) {
        this.job = job;
        this.digest = digest;
        this.trial = trial;
        this.cache = cache;
        this.launcher = launcher;
        Thread.ofVirtual().name("osprey-cache-" + job.number()).start(() -> follow(ownerTrialId));
    }

    private void follow(long ownerTrialId) {
        long followed = ownerTrialId;
        try {
            while (true) {
                synchronized (this) {
                    if (cancelled) {
                        result.complete(ended(JobStatus.CANCELLED, "cancelled while waiting for trial with the same config"));
                        return;
                    }
                }
                TrialRecord other = cache.trial(followed);
                if (other.state() == TrialState.COMPLETE) {
                    owner = other;
                    result.complete(JobResult.completed(job.number(), other.values(), OptionalInt.empty(),
                            elapsed(), Optional.empty()));
                    return;
                }
                if (other.state() == TrialState.FAIL || other.state() == TrialState.PRUNED) {
                    switch (cache.claim(digest, trial)) {
                        case ConfigCache.Claim.Run run -> {
                            run();
                            return;
                        }
                        case ConfigCache.Claim.Follow next -> followed = next.ownerTrialId();
                    }
                    continue;
                }
                Thread.sleep(POLL); // the other trial runs: its result is in the study database, not here
            }
        } catch (InterruptedException e) {
            result.complete(ended(JobStatus.CANCELLED, "interrupted"));
        } catch (RuntimeException e) {
            result.complete(ended(JobStatus.FAILED, "cannot follow the trial with the same config: " + e.getMessage()));
        }
    }

    private void run() {
        JobHandle handle;
        synchronized (this) {
            if (cancelled) {
                result.complete(ended(JobStatus.CANCELLED, "cancelled"));
                return;
            }
            handle = launcher.submit(job);
            running = handle;
        }
        handle.result().whenComplete((r, e) -> result.complete(r != null ? r
                : ended(JobStatus.FAILED, "the launcher failed: " + e)));
    }

    /** The trial whose values this job reused; empty when it ran itself (or has not ended). */
    Optional<TrialRecord> reusedFrom() {
        return Optional.ofNullable(owner);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - created);
    }

    private JobResult ended(JobStatus status, String why) {
        return JobResult.ended(job.number(), status, why, OptionalInt.empty(), elapsed(), Optional.of(job.directory()));
    }

    @Override
    public int number() {
        return job.number();
    }

    @Override
    public synchronized String id() {
        return running != null ? running.id() : "same config as another trial";
    }

    @Override
    public synchronized Optional<Path> logs() {
        return running != null ? running.logs() : Optional.empty();
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        JobHandle handle;
        synchronized (this) {
            cancelled = true;
            handle = running;
        }
        if (handle != null) {
            handle.cancel();
        }
    }
}
