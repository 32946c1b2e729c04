package dev.osprey.optimizer;

import dev.osprey.optimizer.internal.Feasibility;
import dev.osprey.optimizer.pareto.Hypervolume;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.pruner.Pruner;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A study: an optimisation of one objective (or several) over trials kept in a {@link Storage}.
 * Made or loaded through {@link #builder()}.
 *
 * <p>Two ways to drive it: define-by-run with {@link #optimize(Objective, Budget, StudyCallback...)},
 * or ask/tell with {@link #ask()} and {@link #tell(Trial, double...)}. Many studies objects, in
 * one process or many, may work on one stored study at once.
 *
 * <p>Every trial a study object starts holds a lease, renewed by a heartbeat thread until the
 * trial is told; before each new trial, the study fails the trials whose lease ran out (their
 * worker died) and, if asked to, enqueues them again (see {@link StudyBuilder#heartbeat} and
 * {@link StudyBuilder#retryFailedTrials}). {@link #close()} stops the heartbeat.
 */
public final class Study implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());
    static final String SEED_ATTR = "seed";
    /** The study system attribute holding the objectives' names (Optuna's {@code study:metric_names}). */
    public static final String OBJECTIVE_NAMES = "study:metric_names";

    private final Storage storage;
    private final StudyInfo info;
    private final Sampler sampler;
    private final Pruner pruner;
    private final long seed;
    private final InstantSource clock;
    private final TrialCache cache;
    private final Leases leases;
    private final View view = new View(null);
    private final Map<Object, Object> memos = new ConcurrentHashMap<>();
    private final Function<TrialRecord, double[]> constraints;
    private volatile boolean stopRequested;

    Study(Storage storage, StudyInfo info, Sampler sampler, Pruner pruner, long seed, InstantSource clock,
          Leases.Settings leaseSettings, Function<TrialRecord, double[]> constraints) {
        this.constraints = constraints;
        this.storage = storage;
        this.info = info;
        this.sampler = sampler;
        this.pruner = pruner;
        this.seed = seed;
        this.clock = clock;
        this.cache = new TrialCache(storage, info.id());
        this.leases = new Leases(storage, info.id(), info.name(), clock, leaseSettings);
    }

    /** Starts describing a study to create or load. */
    public static StudyBuilder builder() {
        return new StudyBuilder();
    }

    public String name() {
        return info.name();
    }

    public List<Direction> directions() {
        return info.directions();
    }

    /**
     * The objectives' names, one per direction, as the study was created with them; else
     * {@code objective_0}, {@code objective_1}, ... (or {@code value} for a single objective).
     */
    public List<String> objectiveNames() {
        return namesOf(info);
    }

    /** The objective names stored with a study, or the default ones. */
    public static List<String> namesOf(StudyInfo study) {
        if (study.systemAttrs().get(OBJECTIVE_NAMES) instanceof List<?> names
                && names.size() == study.directions().size()) {
            return names.stream().map(String::valueOf).toList();
        }
        if (study.directions().size() == 1) {
            return List.of("value");
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < study.directions().size(); k++) {
            names.add("objective_" + k);
        }
        return names;
    }

    public long seed() {
        return seed;
    }

    public Sampler sampler() {
        return sampler;
    }

    public Storage storage() {
        return storage;
    }

    Pruner pruner() {
        return pruner;
    }

    StudyView view() {
        return view;
    }

    // ---------------------------------------------------------------- define-by-run

    /** Runs trials until the study holds {@code nTrials} trials. */
    public void optimize(Objective objective, int nTrials, StudyCallback... callbacks) {
        optimize(objective, Budget.trials(nTrials), callbacks);
    }

    /** Runs trials one after another until the budget is spent, the sampler is exhausted or {@link #stop()} is called. */
    public void optimize(Objective objective, Budget budget, StudyCallback... callbacks) {
        requireSingleObjective("optimize a single-valued objective");
        optimizeValues(trial -> new double[] {objective.evaluate(trial)}, budget, callbacks);
    }

    /**
     * Like {@link #optimize(Objective, Budget, StudyCallback...)} for objectives with one value per direction.
     * (Not an overload of {@code optimize}: with one, {@code optimize(trial -> ..., budget)} would not compile.)
     */
    public void optimizeMulti(MultiObjective objective, Budget budget, StudyCallback... callbacks) {
        optimizeValues(objective, budget, callbacks);
    }

    private void optimizeValues(MultiObjective objective, Budget budget, StudyCallback... callbacks) {
        stopRequested = false;
        Instant deadline = budget.maxDuration() == null ? null : clock.instant().plus(budget.maxDuration());
        while (!stopRequested && (deadline == null || clock.instant().isBefore(deadline))) {
            Optional<LiveTrial> started = start(budget.maxTrials(), Map.of());
            if (started.isEmpty()) {
                break;
            }
            TrialRecord finished = run(objective, started.get());
            for (StudyCallback callback : callbacks) {
                callback.afterTrial(this, finished);
            }
        }
    }

    private TrialRecord run(MultiObjective objective, LiveTrial trial) {
        try {
            return evaluate(objective, trial);
        } catch (TrialLeaseExpiredException e) {
            // the lease ran out while the objective ran (a pause longer than the grace period): the
            // reaper's FAIL stands, its retry (if any) runs the point again, and this loop goes on
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            leases.release(trial.record().id());
            TrialRecord stored = storage.trial(trial.record().id());
            cache.put(stored);
            return stored;
        }
    }

    private TrialRecord evaluate(MultiObjective objective, LiveTrial trial) {
        double[] values;
        try {
            values = objective.evaluate(trial);
        } catch (TrialPrunedException e) {
            return tell(trial, TrialState.PRUNED);
        } catch (Exception e) {
            return fail(trial, "the objective threw " + describe(e));
        } catch (Error e) {
            // the error ends this call, but the trial must not stay RUNNING (and hold a place in the budget)
            try {
                fail(trial, "the objective threw " + describe(e));
            } catch (RuntimeException | Error suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (values == null || values.length != directions().size()) {
            return fail(trial, "the objective returned " + (values == null ? "null" : values.length + " value(s)")
                    + ", but the study has " + directions().size() + " objective(s)");
        }
        return tell(trial, values);
    }

    private TrialRecord fail(LiveTrial trial, String reason) {
        LOG.log(System.Logger.Level.WARNING, "trial {0} failed: {1}", trial.number(), reason);
        return finish(trial.record(), TrialState.FAIL, List.of(), reason);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Asks the study to start no new trials; running ones finish normally. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Stops the heartbeat of this study object; it starts no more trials. Trials it handed out and
     * that are not told yet stay RUNNING without a heartbeat, so once the grace period has passed
     * the next worker fails them (and retries them, if so configured), as for a worker that died.
     * Telling and reading still work. The storage is not closed: it may be shared.
     */
    @Override
    public void close() {
        leases.close();
    }

    // ---------------------------------------------------------------- ask / tell

    /** Starts a trial whose parameters are suggested as the caller goes. */
    public Trial ask() {
        return start(Integer.MAX_VALUE, Map.of()).orElseThrow(() -> new IllegalStateException(
                "the sampler has no point left to propose (the grid is exhausted)"));
    }

    /**
     * Starts a trial unless the study already holds {@code maxTrials} trials (counting every state,
     * including other workers' trials) or the sampler has no point left: the study-level budget of a
     * driver that keeps several trials in flight.
     */
    public Optional<Trial> askWithin(int maxTrials) {
        return askWithin(maxTrials, Map.of());
    }

    /**
     * Starts a trial as {@link #askWithin(int)} does, with these user attributes set as it starts
     * (by the same write): a worker that dies right after asking still leaves a trial that says
     * whose it was.
     */
    public Optional<Trial> askWithin(int maxTrials, Map<String, ?> userAttrs) {
        if (maxTrials < 0) {
            throw new IllegalArgumentException("maxTrials must be >= 0, got " + maxTrials);
        }
        return start(maxTrials, Map.copyOf(userAttrs)).map(Trial.class::cast);
    }

    /** Starts a trial and suggests every parameter of {@code space}, in its order. */
    public Trial ask(Map<String, ? extends Distribution> space) {
        Trial trial = ask();
        try {
            space.forEach(trial::suggest);
        } catch (RuntimeException e) {
            // a space that does not fit the study must not leave a RUNNING trial without parameters
            tellFailed(trial, "its parameters could not be suggested: " + e.getMessage());
            throw e;
        }
        return trial;
    }

    /** Finishes a trial as COMPLETE with one value per direction; NaN or infinite values make it FAIL. */
    public TrialRecord tell(Trial trial, double... values) {
        return tellValues(recordOf(trial), values);
    }

    /** Finishes the trial with that number; see {@link #tell(Trial, double...)}. */
    public TrialRecord tell(int trialNumber, double... values) {
        return tellValues(trialByNumber(trialNumber), values);
    }

    private TrialRecord tellValues(TrialRecord trial, double... values) {
        int trialNumber = trial.number();
        if (values.length != directions().size()) {
            throw new IllegalArgumentException("trial " + trialNumber + " was told " + values.length
                    + " value(s), but the study has " + directions().size() + " objective(s)");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                LOG.log(System.Logger.Level.WARNING, "trial {0} returned {1}; it is marked FAIL", trialNumber, v);
                return finish(trial, TrialState.FAIL, List.of(), "the objective returned " + v
                        + ", which is not a finite number");
            }
        }
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return finish(trial, TrialState.COMPLETE, list, null);
    }

    /** Finishes a trial as PRUNED or FAIL (COMPLETE needs values: use {@link #tell(Trial, double...)}). */
    public TrialRecord tell(Trial trial, TrialState state) {
        return tellState(recordOf(trial), state);
    }

    /** Finishes the trial with that number as PRUNED or FAIL. */
    public TrialRecord tell(int trialNumber, TrialState state) {
        return tellState(trialByNumber(trialNumber), state);
    }

    private TrialRecord tellState(TrialRecord trial, TrialState state) {
        return switch (state) {
            case PRUNED -> {
                // like Optuna, a pruned trial keeps its last intermediate value as its value
                List<Double> values = trial.lastStep()
                        .map(step -> trial.intermediateValues().get(step))
                        .filter(Double::isFinite)
                        .filter(v -> directions().size() == 1)
                        .map(List::of).orElse(List.of());
                yield finish(trial, TrialState.PRUNED, values, null);
            }
            case FAIL -> finish(trial, TrialState.FAIL, List.of(), "told FAIL");
            case COMPLETE -> throw new IllegalArgumentException(
                    "a COMPLETE trial needs its values: call tell(trial, values) instead");
            case RUNNING, WAITING -> throw new IllegalArgumentException(
                    "tell finishes a trial: use COMPLETE, PRUNED or FAIL, not " + state);
        };
    }

    /**
     * Lets a running trial outlive this process: its lease is given up and its heartbeat set so far
     * ahead that no reaper fails it. A later {@code tell} from any process (or {@code osprey collect})
     * finishes it. For shell-driven ask/tell loops and fire-and-forget sweeps, whose trials run
     * while no Osprey process watches them.
     */
    public void detach(Trial trial) {
        TrialRecord record = recordOf(trial);
        leases.release(record.id());
        storage.recordHeartbeat(record.id(), DETACHED_HEARTBEAT);
    }

    /**
     * Takes over a RUNNING trial whose worker is gone (a driver that was killed while its jobs ran
     * on): from now on this object renews the trial's lease, and the trial is told here like one
     * it asked for. The caller must know that the worker is gone; two objects renewing one lease
     * would both finish the trial.
     *
     * @throws IllegalArgumentException when the trial does not exist or is not RUNNING
     */
    public Trial adopt(int trialNumber) {
        leases.requireOpen();
        TrialRecord record = trialByNumber(trialNumber);
        if (record.state() != TrialState.RUNNING) {
            throw new IllegalArgumentException("trial " + trialNumber + " of study '" + name() + "' is "
                    + record.state() + ", not RUNNING: only a running trial can be adopted");
        }
        storage.recordHeartbeat(record.id(), clock.instant());
        leases.hold(record);
        return new LiveTrial(this, record, new View(cache.trials()));
    }

    /** Why a trial that started when the sampler had nothing left to propose failed. */
    static final String NOTHING_LEFT = "the sampler had nothing left to propose when this trial started:"
            + " other workers claimed the last points of the grid";

    /** The heartbeat of a detached trial: never stale. */
    static final Instant DETACHED_HEARTBEAT = Instant.parse("9999-01-01T00:00:00Z");

    /** Finishes a trial as FAIL and stores why, for people reading the study later. */
    public TrialRecord tellFailed(Trial trial, String reason) {
        return finish(recordOf(trial), TrialState.FAIL, List.of(), reason);
    }

    /** Finishes the trial with that number as FAIL, storing why. */
    public TrialRecord tellFailed(int trialNumber, String reason) {
        return finish(trialByNumber(trialNumber), TrialState.FAIL, List.of(), reason);
    }

    /** Adds a trial with fixed parameters, run before any new trial is sampled (warm start). */
    /**
     * Enqueues the parameters of a failed trial to run once more, as Optuna's
     * {@code RetryFailedTrialCallback} does: a WAITING trial with the same parameters, whose system
     * attributes {@value TrialRecord#FAILED_TRIAL} and {@value TrialRecord#RETRY_HISTORY} name the
     * trial it retries and every attempt before it. Whether to retry, and how often, is the caller's
     * decision.
     *
     * @throws IllegalArgumentException when the trial has not failed
     * @since 0.3
     */
    public TrialRecord enqueueRetry(TrialRecord failed) {
        if (failed.state() != TrialState.FAIL) {
            throw new IllegalArgumentException("only a failed trial is retried, but trial " + failed.number() + " is "
                    + failed.state());
        }
        List<Integer> history = new java.util.ArrayList<>(failed.retryHistory());
        history.add(failed.number());
        return storage.enqueueTrial(info.id(), Leases.retryAttrs(failed, history));
    }

    public TrialRecord enqueueTrial(Map<String, ?> params) {
        Map<String, Object> fixed = new LinkedHashMap<>(params);
        return storage.enqueueTrial(info.id(), Map.of(LiveTrial.FIXED_PARAMS, fixed));
    }

    // ---------------------------------------------------------------- results

    /** All trials, ordered by number. */
    public List<TrialRecord> trials() {
        cache.refresh();
        return cache.trials();
    }

    /**
     * The COMPLETE trial with the best value (the lowest number on ties); single-objective only. In a
     * constrained study feasible trials come first: the best feasible trial, or, when no trial is
     * feasible, the one with the smallest total violation.
     */
    public TrialRecord bestTrial() {
        requireSingleObjective("have one best trial (use bestTrials() for the Pareto front)");
        Direction direction = directions().get(0);
        List<TrialRecord> complete = completeTrials();
        boolean constrained = Feasibility.isConstrained(complete);
        Comparator<TrialRecord> byValue = Comparator.comparingDouble(TrialRecord::value);
        if (direction == Direction.MAXIMIZE) {
            byValue = byValue.reversed();
        }
        Comparator<TrialRecord> byViolation = Comparator.comparingDouble(t -> Feasibility.violation(t, constrained));
        return complete.stream()
                .min(byViolation.thenComparing(byValue).thenComparingInt(TrialRecord::number))
                .orElseThrow(() -> new IllegalStateException(
                        "study '" + name() + "' has no COMPLETE trial yet, so it has no best trial"));
    }

    /** The best value; single-objective only. */
    public double bestValue() {
        return bestTrial().value();
    }

    /**
     * The COMPLETE trials no other COMPLETE trial dominates (for single-objective: the best trials).
     * In a constrained study domination is Deb's constrained domination: the Pareto front of the
     * feasible trials, or, when none is feasible, the trials with the smallest total violation.
     */
    public List<TrialRecord> bestTrials() {
        return ParetoFront.of(completeTrials(), directions());
    }

    /**
     * The hypervolume of the study's Pareto front ({@link #bestTrials()}: feasible trials only in a
     * constrained study, none when no trial is feasible) up to {@code reference}, given in the
     * study's directions (a maximised objective's coordinate is a lower bound).
     *
     * @throws IllegalArgumentException when {@code reference} has another length than the directions,
     *                                  is not finite, or is better than a front trial in some objective
     */
    public double hypervolume(double... reference) {
        List<Direction> directions = directions();
        if (reference.length != directions.size()) {
            throw new IllegalArgumentException("the reference point has " + reference.length
                    + " coordinate(s), but study '" + name() + "' has " + directions.size() + " objective(s)");
        }
        double[] bound = new double[reference.length];
        for (int k = 0; k < bound.length; k++) {
            if (!Double.isFinite(reference[k])) {
                throw new IllegalArgumentException("reference coordinate " + k + " is " + reference[k]
                        + "; a reference point must be finite");
            }
            bound[k] = directions.get(k) == Direction.MAXIMIZE ? -reference[k] : reference[k];
        }
        List<TrialRecord> front = bestTrials();
        if (!infeasibleTrials().isEmpty() && front.stream().anyMatch(t -> Feasibility.violation(t, true) > 0)) {
            return 0; // no feasible trial: nothing counts
        }
        double[][] losses = new double[front.size()][];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = Feasibility.loss(front.get(i), directions);
            for (int k = 0; k < bound.length; k++) {
                if (losses[i][k] > bound[k]) {
                    throw new IllegalArgumentException("the reference point " + java.util.Arrays.toString(reference)
                            + " does not bound trial " + front.get(i).number() + " with values "
                            + front.get(i).values() + " in objective " + k + " (" + directions.get(k)
                            + "); choose a reference point no better than every Pareto-front trial");
                }
            }
        }
        return Hypervolume.of(losses, bound);
    }

    /**
     * The COMPLETE trials that break a constraint (in a constrained study, also those that carry no
     * constraint values); empty for an unconstrained study.
     */
    public List<TrialRecord> infeasibleTrials() {
        List<TrialRecord> complete = completeTrials();
        if (!Feasibility.isConstrained(complete)) {
            return List.of();
        }
        return complete.stream().filter(t -> Feasibility.violation(t, true) > 0).toList();
    }

    private List<TrialRecord> completeTrials() {
        return trials().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    }

    // ---------------------------------------------------------------- internals

    private Optional<LiveTrial> start(int maxTrials, Map<String, ?> userAttrs) {
        leases.requireOpen();
        Instant now = clock.instant();
        cache.refresh();
        // reap first, so that the retries it enqueues are the next trials to start. Only a trial that
        // started before the grace cut-off can be stale (its heartbeat is never older than its start;
        // trials started since the refresh are younger still), so most asks need not look
        Instant staleBefore = leases.staleBefore(now);
        if (staleBefore != null && cache.hasRunningStartedBefore(staleBefore) && leases.reap(now)) {
            cache.refresh();
        }
        // an enqueued trial (a retry) runs even when the sampler has nothing left, as a grid after its last point
        if (sampler.isExhausted(view) && cache.trials().stream().noneMatch(t -> t.state() == TrialState.WAITING)) {
            return Optional.empty();
        }
        Optional<TrialRecord> record = storage.startTrial(info.id(), maxTrials, now, userAttrs);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        cache.put(record.get());
        // the sampler sees the study as it was when the trial started: one read per trial, not one per call
        View trialView = new View(cache.trials());
        sampler.beforeTrial(trialView, record.get());
        TrialRecord current = trialView.wrote ? storage.trial(record.get().id()) : record.get();
        if (!sampler.hasProposalFor(trialView, current)) {
            // other workers took the last points between the exhaustion check and this start: the
            // trial has a number already, so it ends, saying why, and no trial is handed out
            cache.put(storage.finishTrial(current.id(), TrialState.FAIL, List.of(), NOTHING_LEFT, now));
            return Optional.empty();
        }
        // held only once handed out: a trial whose start failed here loses its lease like a dead worker's
        leases.hold(current);
        return Optional.of(new LiveTrial(this, current, trialView));
    }

    private TrialRecord finish(TrialRecord trial, TrialState state, List<Double> values, String reason) {
        if (constraints != null && (state == TrialState.COMPLETE || state == TrialState.PRUNED)) {
            String broken = storeConstraints(trial, state, values);
            if (broken != null) {
                LOG.log(System.Logger.Level.WARNING, "trial {0} failed: {1}", trial.number(), broken);
                return finish(trial, TrialState.FAIL, List.of(), broken);
            }
        }
        TrialRecord finished;
        try {
            finished = storage.finishTrial(trial.id(), state, values, reason, clock.instant());
        } catch (TrialFinishedException e) {
            throw finishedElsewhere(trial, e, "finish it as " + state);
        }
        leases.release(trial.id());
        cache.put(finished);
        sampler.afterTrial(view, finished);
        return finished;
    }

    /**
     * Evaluates the study's constraints function on the trial as it is about to finish (as Optuna's
     * {@code constraints_func} sees it in {@code after_trial}) and stores the values; returns why
     * the trial must fail instead, or null.
     */
    private String storeConstraints(TrialRecord trial, TrialState state, List<Double> values) {
        TrialRecord finishing = new TrialRecord(trial.id(), trial.number(), state, values, trial.params(),
                trial.intermediateValues(), trial.userAttrs(), trial.systemAttrs(), trial.start(),
                Optional.of(clock.instant()));
        List<Double> checked;
        try {
            double[] computed = constraints.apply(finishing);
            if (computed == null) {
                return "the study's constraints function returned null for trial " + trial.number();
            }
            checked = checkConstraints(computed, trial.number());
        } catch (RuntimeException e) {
            return "the study's constraints function failed: " + describe(e);
        }
        try {
            storage.setTrialSystemAttr(trial.id(), TrialRecord.CONSTRAINTS, checked);
        } catch (TrialFinishedException e) {
            throw finishedElsewhere(trial, e, "store its constraints");
        }
        return null;
    }

    /**
     * The constraint values of a trial as they are stored, after checking them: no NaN, and as many
     * as the other trials of the study carry.
     */
    List<Double> checkConstraints(double[] values, int trialNumber) {
        List<Double> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("constraint " + i + " of trial " + trialNumber
                        + " is NaN; a constraint value must be a number (<= 0 when satisfied)");
            }
            list.add(values[i]);
        }
        cache.refresh();
        for (TrialRecord other : cache.trials()) {
            List<Double> known = other.constraints();
            if (other.number() != trialNumber && !known.isEmpty()) {
                if (known.size() != values.length) {
                    throw new IllegalArgumentException("trial " + trialNumber + " has " + values.length
                            + " constraint value(s), but trial " + other.number() + " of study '" + name()
                            + "' has " + known.size() + "; every trial of a study has the same constraints");
                }
                break;
            }
        }
        return list;
    }

    /**
     * The record of a trial of this study. A trial this object handed out is known without a read;
     * a trial asked from another study would finish the wrong one.
     */
    private TrialRecord recordOf(Trial trial) {
        if (trial instanceof LiveTrial live && live.belongsTo(this)) {
            return live.record();
        }
        String askedFrom = trial instanceof LiveTrial live ? live.studyName() : name();
        if (!askedFrom.equals(name()) || trialByNumber(trial.number()).id() != trial.record().id()) {
            throw new IllegalArgumentException("trial " + trial.number() + " was asked from study '" + askedFrom
                    + "', not from study '" + name() + "'; tell it to the study it came from");
        }
        return trialByNumber(trial.number());
    }

    private TrialRecord trialByNumber(int number) {
        cache.refresh();
        TrialRecord trial = cache.trial(number);
        if (trial == null) {
            throw new IllegalArgumentException("study '" + name() + "' has no trial " + number
                    + " (it has trials 0.." + (cache.size() - 1) + ")");
        }
        return trial;
    }

    /** Explains a write refused because the trial is finished; a reaper's FAIL gets its own error. */
    RuntimeException finishedElsewhere(TrialRecord trial, TrialFinishedException e, String attempted) {
        return leases.explain(trial.id(), e, attempted, this::trials);
    }

    Map<String, Double> sampleRelative(TrialRecord trial, StudyView view) {
        Map<String, Distribution> space = sampler.inferRelativeSearchSpace(view, trial);
        if (space.isEmpty()) {
            return Map.of();
        }
        return sampler.sampleRelative(view, trial, space);
    }

    double sampleIndependent(TrialRecord trial, String name, Distribution distribution, StudyView view) {
        return sampler.sampleIndependent(view, trial, name, distribution);
    }

    void checkDistribution(String name, Distribution distribution, int trialNumber) {
        Map.Entry<Distribution, Integer> known = cache.distributionOf(name);
        if (known != null && !known.getKey().equals(distribution)) {
            throw new IllegalArgumentException("parameter '" + name + "' is suggested in trial " + trialNumber
                    + " as " + distribution + ", but trial " + known.getValue() + " of study '" + name()
                    + "' suggested it as " + known.getKey()
                    + "; a parameter keeps one distribution per study: rename it or use a new study");
        }
    }

    void learn(String name, Distribution distribution, int trialNumber) {
        cache.learn(name, distribution, trialNumber);
    }

    void requireSingleObjective(String what) {
        if (directions().size() != 1) {
            throw new IllegalStateException("study '" + name() + "' has " + directions().size()
                    + " objectives; only single-objective studies can " + what);
        }
    }

    /** The study as samplers and pruners see it: refreshed on each read, or a snapshot for one trial's sampling. */
    private final class View implements StudyView {

        private final List<TrialRecord> snapshot;
        private volatile boolean wrote;

        View(List<TrialRecord> snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public String studyName() {
            return info.name();
        }

        @Override
        public List<Direction> directions() {
            return info.directions();
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public List<TrialRecord> trials() {
            if (snapshot != null) {
                return snapshot;
            }
            cache.refresh();
            return cache.trials();
        }

        @Override
        public void setSystemAttr(TrialRecord trial, String key, Object value) {
            storage.setTrialSystemAttr(trial.id(), key, value);
            wrote = true;
        }

        @Override
        public void setStudySystemAttr(String key, Object value) {
            storage.setStudySystemAttr(info.id(), key, value);
        }

        @Override
        public boolean claimGridPoint(String gridKey, int index, TrialRecord trial) {
            return storage.claimGridPoint(info.id(), gridKey, index, trial.id());
        }

        @Override
        public Map<Integer, Long> gridClaims(String gridKey) {
            return storage.gridClaims(info.id(), gridKey);
        }

        @Override
        public void stop() {
            Study.this.stop();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T memo(Object key, Supplier<T> factory) {
            return (T) memos.computeIfAbsent(key, k -> factory.get());
        }
    }
}
