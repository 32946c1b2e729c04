package dev.osprey.sweeper;

import dev.osprey.launchers.Launcher;
import dev.osprey.optimizer.Study;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link Sweeper}. Required: {@link #study}, {@link #launcher}, {@link #plan}, {@link #jobs}.
 *
 * @since 0.1
 */
public final class SweeperBuilder {

    Study study;
    Launcher launcher;
    SweepPlan plan;
    JobFactory jobs;
    int jobsInFlight = 1;
    Integer maxTrials;
    Duration maxDuration;
    FailurePolicy failurePolicy = FailurePolicy.continueAlways();
    InstantSource clock = InstantSource.system();
    boolean detach;
    boolean cache;
    boolean batches = true;
    Duration storageTimeout = DEFAULT_STORAGE_TIMEOUT;
    /** Replaces the wait between probes of an unreachable database (tests advance a clock instead). */
    StorageOutage.Pause outagePause;
    final List<SweepListener> listeners = new ArrayList<>();

    /** How long a sweep rides out an unreachable study database unless told otherwise. */
    public static final Duration DEFAULT_STORAGE_TIMEOUT = Duration.ofMinutes(3);

    SweeperBuilder() {
    }

    public SweeperBuilder study(Study value) {
        study = Objects.requireNonNull(value, "study");
        return this;
    }

    public SweeperBuilder launcher(Launcher value) {
        launcher = Objects.requireNonNull(value, "launcher");
        return this;
    }

    public SweeperBuilder plan(SweepPlan value) {
        plan = Objects.requireNonNull(value, "plan");
        return this;
    }

    public SweeperBuilder jobs(JobFactory value) {
        jobs = Objects.requireNonNull(value, "jobs");
        return this;
    }

    /** How many jobs run at once (Hydra's {@code n_jobs}); 1 by default. */
    public SweeperBuilder jobsInFlight(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("jobs in flight must be >= 1, got " + n);
        }
        jobsInFlight = n;
        return this;
    }

    /**
     * The study-level trial budget: the sweep stops starting jobs once the study holds {@code n}
     * trials (counting earlier runs and other workers). Default: every point of a grid that no trial
     * completed, pruned or holds yet, or no limit for a search (then give a time budget).
     */
    public SweeperBuilder maxTrials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the trial budget must be >= 0, got " + n);
        }
        maxTrials = n;
        return this;
    }

    /** The wall-clock budget: no job starts after it; running ones finish. */
    public SweeperBuilder maxDuration(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive, got " + value);
        }
        maxDuration = value;
        return this;
    }

    /**
     * How long the sweep rides out a study database it cannot reach, counted from the first call
     * that could not reach it: the running jobs go on meanwhile. Once it has lasted this long, the
     * sweep starts no more jobs, waits for the running ones and ends as
     * {@link SweepSummary.Ending#DATABASE_LOST}. Default {@link #DEFAULT_STORAGE_TIMEOUT}.
     */
    public SweeperBuilder storageTimeout(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the storage timeout must be positive, got " + value);
        }
        storageTimeout = value;
        return this;
    }

    public SweeperBuilder failurePolicy(FailurePolicy value) {
        failurePolicy = Objects.requireNonNull(value, "failurePolicy");
        return this;
    }

    public SweeperBuilder listener(SweepListener value) {
        listeners.add(Objects.requireNonNull(value, "listener"));
        return this;
    }

    public SweeperBuilder clock(InstantSource value) {
        clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Fire and forget: submit the jobs and return without waiting; their trials are detached (see
     * {@link dev.osprey.optimizer.Study#detach}) and {@link Collector#collect} tells them later.
     * Only for launchers whose jobs outlive this process (task-spooler, Slurm).
     */
    public SweeperBuilder detach(boolean value) {
        detach = value;
        return this;
    }

    /**
     * Reuses results: a trial whose job config (composed and resolved) a COMPLETED trial of the study
     * already ran is not run again, but told that trial's values and marked
     * {@value ConfigCache#ATTR_CACHED_FROM}. Two workers that propose the same config at once run
     * it once: the first claims it in the study database, the other waits for its result.
     *
     * @since 0.2
     */
    public SweeperBuilder cache(boolean value) {
        cache = value;
        return this;
    }

    /**
     * Whether a sweep that knows its jobs in advance (a grid, a detached sweep) hands them to a
     * launcher that can take a batch ({@link dev.osprey.launchers.Launcher#batches()}, Slurm's job
     * arrays) all at once, with {@link #jobsInFlight} as the cap of jobs running at once; true by
     * default. Otherwise, and always for a search that learns from its results, the sweep submits one
     * job at a time as the jobs in flight end.
     *
     * @since 0.3
     */
    public SweeperBuilder batches(boolean value) {
        batches = value;
        return this;
    }

    public Sweeper build() {
        require(study, "study");
        require(launcher, "launcher");
        require(plan, "plan");
        require(jobs, "jobs");
        if (plan instanceof SweepPlan.Search && maxTrials == null && maxDuration == null) {
            throw new IllegalArgumentException("a search sweep needs a budget: set maxTrials (n_trials) or maxDuration");
        }
        if (plan instanceof SweepPlan.Grid grid && !grid.sampler().equals(study.sampler())) {
            throw new IllegalArgumentException("a grid sweep takes its points from its study's sampler, but study '"
                    + study.name() + "' samples with " + study.sampler().getClass().getSimpleName() + "; build the study with"
                    + " Study.builder().sampler(plan.sampler())");
        }
        return new Sweeper(this);
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalStateException("a sweep needs its " + name + "; call " + name + "(...) on the builder");
        }
    }
}
