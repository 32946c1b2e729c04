package dev.osprey.sweeper;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Pruning;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.sweeper.space.SearchTree;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The asynchronous sweep: keeps up to {@code jobsInFlight} trials running and asks the study for the
 * next one as soon as one finishes (never waiting for a batch). Each job's result is told to the
 * study at once, so the sampler learns from it before the next proposal.
 *
 * <p>The trial budget is study-level: a sweep asked for 50 trials on a study that holds 30 runs 20.
 * A grid sweep asks its study's grid sampler for each point (see {@link SweepPlan.Grid#sampler()}),
 * which claims the point in the study database: sweeps in several processes share one grid.
 * Made by {@link #builder()}; {@link #run()} blocks until the sweep ends; {@link #interrupt()} (from
 * another thread, e.g. a Ctrl-C hook) cancels the running jobs and fails their trials as interrupted.
 *
 * <p>A study database that cannot be reached is ridden out ({@link StorageOutage}): the running
 * jobs go on, and the sweep tries again for up to {@link SweeperBuilder#storageTimeout}. If the
 * database answers again, the sweep goes on where it was; if not, it starts no more jobs, waits
 * for the running ones (whose results the launchers keep in their job directories, for
 * {@link Collector}) and ends as {@link SweepSummary.Ending#DATABASE_LOST}.
 *
 * @since 0.1
 */
public final class Sweeper {

    /** User attributes the sweep stores on each trial, so that later commands find the job. */
    public static final String ATTR_JOB_DIR = "osprey.job_dir";
    public static final String ATTR_JOB_ID = "osprey.job_id";
    public static final String ATTR_JOB_STATUS = "osprey.job_status";
    /** System attribute of a trial that reused the result of an earlier trial with the same config: its number. */
    public static final String ATTR_CACHED_FROM = ConfigCache.ATTR_CACHED_FROM;

    /** This process, as the trials it drives name their driver. */
    private static final String DRIVER = Orphans.thisDriver();

    private final SweeperBuilder settings;
    /** What each trial suggests; a grid's values come from the study's sampler, which claims its points. */
    private final SearchTree space;
    private final LinkedBlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    private final Map<Integer, Running> running = new LinkedHashMap<>();
    private final Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
    private volatile boolean interrupted;
    private String lastFailure = "";
    private final StorageOutage outage;
    /** Jobs that ended while the database was lost: their results are only in their job directories. */
    private int keptResults;
    /** Results by job config, when the sweep reuses them ({@link SweeperBuilder#cache}); null when not. */
    private final ConfigCache cache;
    /** Trials told the values of another trial with the same config. */
    private int cached;
    /** The retries of trials whose jobs were preempted. */
    private final PreemptionRetry retries = new PreemptionRetry();

    private record Running(Trial trial, Job job, JobHandle handle) {
    }

    private record Ended(int number, JobResult result) {
    }

    Sweeper(SweeperBuilder settings) {
        this.settings = settings;
        this.space = switch (settings.plan) {
            case SweepPlan.Search search -> search.tree();
            case SweepPlan.Grid grid -> grid.tree();
        };
        this.outage = new StorageOutage(settings.storageTimeout, settings.clock, settings.outagePause,
                settings.listeners, running::size, () -> interrupted);
        this.cache = settings.cache && !settings.detach ? new ConfigCache(settings.study.storage(),
                settings.study.storage().findStudy(settings.study.name()).orElseThrow().id()) : null;
        outage.probe(StorageOutage.leaseRenewal(settings.study, () -> running.values().stream().map(Running::trial).toList(),
                settings.clock));
    }

    public static SweeperBuilder builder() {
        return new SweeperBuilder();
    }

    public Study study() {
        return settings.study;
    }

    /** Cancels the running jobs and ends the sweep; safe to call from any thread. */
    public void interrupt() {
        interrupted = true;
        ended.add(new Ended(-1, null));
        outage.wake();
    }

    /**
     * Runs the sweep to its end.
     *
     * @throws LauncherException when the launcher cannot take jobs at all (the sweep's trials so far
     *                           are failed first, so that the study stays consistent)
     */
    public SweepSummary run() {
        if (settings.detach) {
            return runDetached();
        }
        InstantSource clock = settings.clock;
        Instant start = clock.instant();
        Instant deadline = settings.maxDuration == null ? null : start.plus(settings.maxDuration);
        Study study = settings.study;
        settings.listeners.forEach(l -> l.sweepStarted(this));
        SweepSummary.Ending ending = null;
        try {
            adoptOrphans(study);
            if (inOneBatch()) {
                ending = launchBatch(study).orElse(null);
            }
            while (true) {
                if (ending == null) {
                    if (interrupted) {
                        ending = SweepSummary.Ending.INTERRUPTED;
                    } else if (deadline != null && !clock.instant().isBefore(deadline)) {
                        ending = SweepSummary.Ending.TIME_UP;
                    }
                }
                while (ending == null && running.size() < settings.jobsInFlight) {
                    Optional<SweepSummary.Ending> stop = launchNext(study, maxTrials());
                    if (stop.isPresent()) {
                        ending = stop.get();
                    }
                }
                if (ending == SweepSummary.Ending.INTERRUPTED || ending == SweepSummary.Ending.TOO_MANY_FAILURES) {
                    running.values().forEach(r -> r.handle().cancel());
                }
                if (running.isEmpty()) {
                    break;
                }
                Ended next = awaitNext(deadline, clock);
                if (next != null && next.result() != null) {
                    int retriesBefore = retries.enqueued();
                    finish(study, next);
                    if (retries.enqueued() > retriesBefore && (ending == SweepSummary.Ending.EXHAUSTED
                            || ending == SweepSummary.Ending.BUDGET_MET)) {
                        ending = null; // a preempted trial's retry runs, beyond the budget and after a grid's last point
                    }
                    if (ending == null && settings.failurePolicy.exceeded(count(JobStatus.FAILED) + count(JobStatus.TIMED_OUT),
                            finishedJobs())) {
                        ending = SweepSummary.Ending.TOO_MANY_FAILURES;
                    }
                }
            }
            if (ending == null) {
                ending = SweepSummary.Ending.BUDGET_MET;
            }
        } catch (StorageOutage.StudyDatabaseLost lost) {
            SweepSummary summary = keepRunningResults(study, start, lost);
            settings.listeners.forEach(l -> l.sweepEnded(summary));
            return summary;
        } catch (RuntimeException | Error e) {
            abandonRunning(study, "the sweep stopped: " + e.getMessage());
            SweepSummary summary = summary(study, SweepSummary.Ending.INTERRUPTED, start);
            settings.listeners.forEach(l -> l.sweepEnded(summary));
            throw e;
        }
        SweepSummary summary = summary(study, ending, start);
        settings.listeners.forEach(l -> l.sweepEnded(summary));
        return summary;
    }

    /**
     * The database is gone: no job starts, the running ones are waited for (cancelled only when the
     * sweep is interrupted), and their results stay in their job directories, where the launchers
     * wrote them; cancelling them would throw finished work away. Nothing is read from the study.
     */
    private SweepSummary keepRunningResults(Study study, Instant start, StorageOutage.StudyDatabaseLost lost) {
        while (!running.isEmpty()) {
            if (interrupted) {
                running.values().forEach(r -> r.handle().cancel());
            }
            Ended next;
            try {
                next = ended.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
                continue;
            }
            if (next.result() != null && running.remove(next.number()) != null) {
                count(next.result(), next.result().error());
                keptResults++;
            }
        }
        SweepSummary.Ending ending = interrupted ? SweepSummary.Ending.INTERRUPTED : SweepSummary.Ending.DATABASE_LOST;
        String note = lost.getMessage() + "; " + keptResults + " job result(s) kept in their job directories: once"
                + " the database is back, run 'osprey collect " + study.name() + "' (before this sweep runs again)";
        return new SweepSummary(ending, counts, -1, Optional.empty(), Duration.between(start, settings.clock.instant()),
                note);
    }

    /**
     * Fire and forget: submits every job of the budget, detaches their trials (no lease to expire)
     * and returns; {@link Collector} later reads their {@code result.json} into the study.
     */
    private SweepSummary runDetached() {
        Instant start = settings.clock.instant();
        Study study = settings.study;
        int maxTrials = maxTrials();
        settings.listeners.forEach(l -> l.sweepStarted(this));
        SweepSummary.Ending ending = null;
        int submitted = 0;
        boolean batch = inOneBatch();
        while (ending == null && !interrupted) {
            Optional<SweepSummary.Ending> stop;
            try {
                stop = batch ? launchBatch(study) : launchNext(study, maxTrials);
            } catch (StorageOutage.StudyDatabaseLost lost) {
                throw (RuntimeException) lost.getCause(); // no job to wait for: the storage's error says it all
            }
            if (!running.isEmpty()) {
                running.values().forEach(r -> study.detach(r.trial()));
                submitted += running.size();
                running.clear();
            }
            if (stop.isPresent()) {
                ending = stop.get();
            }
        }
        SweepSummary summary = new SweepSummary(SweepSummary.Ending.DETACHED, Map.of(), held(study), Optional.empty(),
                Duration.between(start, settings.clock.instant()), submitted + " job(s) submitted; collect their results"
                + " with 'osprey collect " + study.name() + "'");
        settings.listeners.forEach(l -> l.sweepEnded(summary));
        return summary;
    }

    /**
     * Takes over the trials of a driver that died on this machine (see {@link Orphans}): a job that
     * left its result is told at once; a job the launcher can follow is watched like one this sweep
     * started; a job a scheduler may still run is detached, for {@code osprey collect}; any other
     * trial fails now, saying why, so that its point can run again.
     */
    private void adoptOrphans(Study study) {
        for (TrialRecord orphan : outage.call(() -> Orphans.of(study))) {
            Trial trial;
            try {
                trial = outage.call(() -> study.adopt(orphan.number()));
            } catch (IllegalArgumentException finishedMeanwhile) {
                continue; // another sweep took it over first
            }
            switch (Orphans.takeover(orphan, settings.launcher)) {
                case Orphans.Follow follow -> {
                    running.put(orphan.number(), new Running(trial, null, follow.job()));
                    watch(orphan.number(), follow.job());
                    settings.listeners.forEach(l -> l.jobAdopted(orphan, follow.driver(), follow.job()));
                }
                case Orphans.LeaveToCollect collect -> {
                    outage.call(() -> {
                        study.detach(trial);
                        return null;
                    });
                    settings.listeners.forEach(l -> l.jobLeftToCollect(orphan, collect.driver()));
                }
                case Orphans.Fail fail -> {
                    running.put(orphan.number(), new Running(trial, null, null));
                    tell(study, trial, JobResult.ended(orphan.number(), JobStatus.FAILED, fail.why(),
                            java.util.OptionalInt.empty(), Duration.ZERO, Optional.empty()));
                }
            }
        }
    }

    /** Puts the job's result, when it comes, on the queue the sweep waits on. */
    private void watch(int number, JobHandle handle) {
        handle.result().whenComplete((result, error) -> ended.add(new Ended(number, result != null ? result
                : JobResult.ended(number, JobStatus.FAILED, "the launcher failed: " + error,
                java.util.OptionalInt.empty(), Duration.ZERO, Optional.empty()))));
    }

    /** Starts one more job, or says why the sweep launches no more. */
    private Optional<SweepSummary.Ending> launchNext(Study study, int maxTrials) {
        java.util.List<Made> made = new java.util.ArrayList<>(1);
        Optional<SweepSummary.Ending> stop = makeNext(study, maxTrials, made);
        if (stop.isPresent() || made.isEmpty()) {
            return stop;
        }
        Made next = made.get(0);
        JobHandle handle;
        try {
            handle = cache == null ? settings.launcher.submit(next.job()) : submitUnlessCached(next.trial(), next.job());
        } catch (StorageOutage.StudyDatabaseLost lost) {
            throw lost;
        } catch (RuntimeException e) {
            study.tellFailed(next.trial(), "the launcher could not take the job: " + e.getMessage());
            throw e;
        }
        started(next, handle);
        return Optional.empty();
    }

    /** A trial and its job, made and not yet submitted. */
    private record Made(Trial trial, Job job) {
    }

    /**
     * Whether the sweep hands its launcher all its jobs at once (Slurm's job arrays): it knows them
     * in advance (a grid, or a detached sweep), and neither a time budget nor the result cache decides
     * per job whether it starts.
     */
    private boolean inOneBatch() {
        return settings.launcher.batches().isPresent() && settings.batches
                && (settings.plan instanceof SweepPlan.Grid || settings.detach)
                && settings.maxDuration == null && cache == null;
    }

    /**
     * Makes every job of the budget, then hands them to the launcher together, at most
     * {@code jobsInFlight} to run at once; says why no more jobs follow.
     */
    private Optional<SweepSummary.Ending> launchBatch(Study study) {
        java.util.List<Made> made = new java.util.ArrayList<>();
        Optional<SweepSummary.Ending> stop = Optional.empty();
        while (stop.isEmpty() && !interrupted) {
            stop = makeNext(study, maxTrials(), made);
        }
        if (made.isEmpty()) {
            return stop;
        }
        java.util.List<JobHandle> handles;
        try {
            handles = settings.launcher.batches().orElseThrow().submitAll(made.stream().map(Made::job).toList(),
                    settings.jobsInFlight);
        } catch (RuntimeException e) {
            made.forEach(m -> study.tellFailed(m.trial(), "the launcher could not take the job: " + e.getMessage()));
            throw e;
        }
        for (int i = 0; i < made.size(); i++) {
            started(made.get(i), handles.get(i));
        }
        return stop;
    }

    /** A job handed to the launcher: it runs, its result is awaited (unless detached), its id stored. */
    private void started(Made made, JobHandle handle) {
        Trial trial = made.trial();
        running.put(trial.number(), new Running(trial, made.job(), handle));
        if (!settings.detach) {
            watch(trial.number(), handle);
        }
        outage.call(() -> {
            trial.setUserAttr(ATTR_JOB_ID, handle.id());
            return null;
        });
        settings.listeners.forEach(l -> l.jobStarted(made.job(), handle));
    }

    /**
     * Asks for one more trial and makes its job, adding it to {@code made}; or says why the sweep
     * launches no more. A job that cannot be made fails its trial, and nothing is added.
     */
    private Optional<SweepSummary.Ending> makeNext(Study study, int maxTrials, java.util.List<Made> made) {
        // a trial names its driver from its start, so that a driver killed at any point leaves a trial
        // the next one takes over (a detached job is meant to outlive its driver: 'osprey collect')
        Map<String, Object> attrs = settings.detach ? Map.of() : Map.of(Orphans.ATTR_DRIVER, DRIVER);
        Optional<Trial> asked = outage.call(() -> study.askWithin(maxTrials, attrs));
        if (asked.isEmpty()) {
            return Optional.of(outage.call(() -> held(study)) < maxTrials ? SweepSummary.Ending.EXHAUSTED
                    : SweepSummary.Ending.BUDGET_MET);
        }
        Trial trial = asked.get();
        Job job;
        try {
            // define-by-run: only the parameters of the branches this trial takes are suggested and stored
            Map<String, Object> params = space.sample((name, distribution) -> outage.call(() -> trial.suggest(name, distribution)));
            // a detached job is watched by no one: its intermediate values stay in its log
            job = settings.jobs.create(trial.number(), params, settings.detach ? Pruning.NEVER : pruningOf(trial));
        } catch (StorageOutage.StudyDatabaseLost lost) {
            throw lost;
        } catch (RuntimeException e) {
            String why = "the job could not be made: " + e.getMessage();
            TrialRecord told = outage.tell(() -> study.tellFailed(trial, why), () -> study.storage().trial(trial.record().id()));
            JobResult result = JobResult.ended(trial.number(), JobStatus.FAILED, why, java.util.OptionalInt.empty(),
                    Duration.ZERO, Optional.empty());
            count(result, why);
            settings.listeners.forEach(l -> l.jobEnded(null, result, told));
            return settings.failurePolicy.exceeded(count(JobStatus.FAILED) + count(JobStatus.TIMED_OUT), finishedJobs())
                    ? Optional.of(SweepSummary.Ending.TOO_MANY_FAILURES) : Optional.empty();
        }
        // stored before the job runs, so that a job whose result outlives the database is collected
        Job madeJob = job;
        outage.call(() -> {
            trial.setUserAttr(ATTR_JOB_DIR, madeJob.directory().toString());
            return null;
        });
        made.add(new Made(trial, job));
        return Optional.empty();
    }

    /** Runs the job if its trial claims its config; otherwise follows the trial that has it. */
    private JobHandle submitUnlessCached(Trial trial, Job job) {
        String digest = ConfigCache.digest(job.config());
        return switch (outage.call(() -> cache.claim(digest, trial.record()))) {
            case ConfigCache.Claim.Run run -> settings.launcher.submit(job);
            case ConfigCache.Claim.Follow follow -> new ReusedResult(job, digest, trial.record(), cache,
                    settings.launcher, follow.ownerTrialId());
        };
    }

    private static Pruning pruningOf(Trial trial) {
        return (step, value) -> {
            try {
                trial.report(step, value);
                return trial.shouldPrune();
            } catch (dev.osprey.optimizer.storage.StorageUnreachableException e) {
                return false; // the job goes on; its pruner decides again at its next step
            }
        };
    }

    private Ended awaitNext(Instant deadline, InstantSource clock) {
        try {
            if (deadline == null) {
                return ended.take();
            }
            long waitMillis = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
            return ended.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
            return null;
        }
    }

    private void finish(Study study, Ended next) {
        Running done = running.get(next.number());
        if (done == null) {
            return;
        }
        JobResult result = next.result();
        if (interrupted && result.status() == JobStatus.CANCELLED) {
            result = JobResult.ended(result.number(), JobStatus.CANCELLED, "interrupted", result.exitCode(),
                    result.duration(), result.logs());
        }
        Trial trial = done.trial();
        try {
            tell(study, trial, result);
        } catch (StorageOutage.StudyDatabaseLost lost) {
            running.remove(next.number());
            count(result, result.error());
            keptResults++;
            throw lost;
        }
    }

    private void tell(Study study, Trial trial, JobResult reportedResult) {
        JobResult result = reportedResult;
        outage.call(() -> {
            trial.setUserAttr(ATTR_JOB_STATUS, reportedResult.status().name());
            return null;
        });
        // a job's output that does not fit the study fails that trial, not the sweep
        result = ResultFit.fit(result, study.objectiveNames());
        JobResult fitted = result;
        result = outage.call(() -> ResultFit.requireConstraints(fitted, study.trials()));
        if (result.isCompleted() && !result.constraints().isEmpty()) {
            double[] constraints = ResultFit.constraints(result);
            Map<String, Double> named = ResultFit.namedConstraints(result);
            String refused = outage.call(() -> {
                try {
                    if (named != null) {
                        trial.setConstraints(named);
                    } else {
                        trial.setConstraints(constraints);
                    }
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            });
            if (refused != null) {
                result = ResultFit.failed(result, "the job's constraints " + result.constraints()
                        + " do not fit the study: " + refused);
            }
        }
        JobResult toTell = result;
        Running ending = running.get(trial.number());
        Optional<TrialRecord> reusedFrom = ending != null && ending.handle() instanceof ReusedResult reused
                && toTell.isCompleted() ? reused.reusedFrom() : Optional.empty();
        reusedFrom.ifPresent(owner -> outage.call(() -> {
            cache.markCached(trial.record(), owner); // before the values: a finished trial never changes
            return null;
        }));
        TrialRecord told = outage.tell(() -> switch (toTell.status()) {
            case COMPLETED -> study.tell(trial, toTell.values().stream().mapToDouble(Double::doubleValue).toArray());
            case PRUNED -> study.tell(trial, TrialState.PRUNED);
            case FAILED, TIMED_OUT, CANCELLED -> study.tellFailed(trial,
                    toTell.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + toTell.error());
        }, () -> study.storage().trial(trial.record().id()));
        Optional<Optional<TrialRecord>> preempted = told.state() == TrialState.FAIL && reportedResult.isPreempted()
                ? Optional.of(outage.call(() -> retries.retry(study, reportedResult, told))) : Optional.empty();
        Running done = running.remove(trial.number());
        if (reusedFrom.isPresent()) {
            cached++;
        } else {
            count(result, result.error());
        }
        JobResult reported = result;
        settings.listeners.forEach(l -> l.jobEnded(done.job(), reported, told));
        preempted.ifPresent(retry -> settings.listeners.forEach(l -> l.jobPreempted(told, retry)));
    }

    /** After an unexpected error: cancel and fail what runs, so no trial is left RUNNING. */
    private void abandonRunning(Study study, String why) {
        for (Running r : running.values()) {
            r.handle().cancel();
            try {
                study.tellFailed(r.trial(), why);
            } catch (RuntimeException ignored) {
                // the trial may already be finished; the original error is what matters
            }
        }
        running.clear();
    }

    private void count(JobResult result, String error) {
        counts.merge(result.status(), 1, Integer::sum);
        if (result.status() == JobStatus.FAILED || result.status() == JobStatus.TIMED_OUT) {
            lastFailure = "job " + result.number() + ": " + firstLine(error);
        }
    }

    /** The error on one line (its lines joined), cut to a readable length; the whole text is in the study. */
    private static String firstLine(String text) {
        String joined = String.join(" | ", text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return joined.length() <= 300 ? joined : joined.substring(0, 297) + "...";
    }

    private int count(JobStatus status) {
        return counts.getOrDefault(status, 0);
    }

    private int finishedJobs() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The study-level budget, plus the retries of preempted trials this sweep enqueued; without one a
     * grid runs until its sampler has no point left.
     */
    private int maxTrials() {
        return settings.maxTrials != null ? (int) Math.min(Integer.MAX_VALUE, (long) settings.maxTrials
                + retries.enqueued()) : Integer.MAX_VALUE;
    }

    /** Trials that count against the budget: every state but WAITING (enqueued, not started). */
    private static int held(Study study) {
        return (int) study.trials().stream().filter(t -> t.state() != TrialState.WAITING).count();
    }

    private SweepSummary summary(Study study, SweepSummary.Ending ending, Instant start) {
        List<TrialRecord> trials = study.trials();
        Optional<TrialRecord> best;
        try {
            best = study.directions().size() == 1 && trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE)
                    ? Optional.of(study.bestTrial()) : Optional.empty();
        } catch (RuntimeException e) {
            best = Optional.empty();
        }
        List<TrialRecord> front = List.of();
        int infeasible = -1;
        int completed = (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        try {
            if (study.directions().size() > 1 && completed > 0) {
                front = study.bestTrials();
            }
            if (trials.stream().anyMatch(t -> !t.constraints().isEmpty())) {
                infeasible = study.infeasibleTrials().size();
            }
        } catch (RuntimeException e) {
            // the summary leaves out what it cannot read
        }
        return new SweepSummary(ending, counts, trials.size(), best,
                Duration.between(start, settings.clock.instant()), ending == SweepSummary.Ending.TOO_MANY_FAILURES
                || count(JobStatus.COMPLETED) + count(JobStatus.PRUNED) + cached == 0 ? lastFailure : "", cached,
                study.objectiveNames(), front, infeasible, completed);
    }

    /** How many jobs are running now. */
    public int running() {
        return running.size();
    }
}
