package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.pruner.Pruner;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.DuplicateStudyException;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudyNames;
import dev.osprey.optimizer.storage.StudyNotFoundException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Describes a study to create or load. Every setting may be given once; unset ones take
 * Optuna's defaults: a generated name, an in-memory storage, the TPE sampler (for multi-objective
 * studies too, as in Optuna 5; Optuna 3.1 and 4 give those NSGA-II), the median pruner, one
 * objective to minimise, and a random seed (which is stored, so a loaded study keeps it). Running
 * trials hold a lease renewed every 10 s and are failed after 60 s without a heartbeat; failed
 * trials are not retried unless {@link #retryFailedTrials(int)} says so.
 *
 * {@snippet :
 * Study study = Study.builder()
 *         .name("lr-search")
 *         .sampler(Samplers.tpe())
 *         .direction(Direction.MINIMIZE)
 *         .seed(42)
 *         .create();
 * }
 */
public final class StudyBuilder {

    private String name;
    private Storage storage;
    private Sampler sampler;
    private Pruner pruner;
    private List<Direction> directions;
    private Long seed;
    private InstantSource clock;
    private Leases.Settings leases;
    private Integer maxRetries;
    private Function<TrialRecord, double[]> constraints;
    private List<String> objectiveNames;

    StudyBuilder() {
    }

    public StudyBuilder name(String name) {
        requireUnset(this.name, "name");
        StudyNames.validate(name);
        this.name = name;
        return this;
    }

    public StudyBuilder storage(Storage storage) {
        requireUnset(this.storage, "storage");
        this.storage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    public StudyBuilder sampler(Sampler sampler) {
        requireUnset(this.sampler, "sampler");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        return this;
    }

    public StudyBuilder pruner(Pruner pruner) {
        requireUnset(this.pruner, "pruner");
        this.pruner = Objects.requireNonNull(pruner, "pruner");
        return this;
    }

    /** One objective in this direction. */
    public StudyBuilder direction(Direction direction) {
        return directions(Objects.requireNonNull(direction, "direction"));
    }

    /** One objective per direction. */
    public StudyBuilder directions(Direction... directions) {
        requireUnset(this.directions, "direction(s)");
        if (directions.length == 0) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        this.directions = List.of(directions);
        return this;
    }

    /** The seed every random draw derives from, with the trial number. */
    public StudyBuilder seed(long seed) {
        requireUnset(this.seed, "seed");
        this.seed = seed;
        return this;
    }

    /** The source of time for trial start/end times and time budgets (tests inject a fixed one). */
    public StudyBuilder clock(InstantSource clock) {
        requireUnset(this.clock, "clock");
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * How often the lease of a running trial is renewed, and how old its last heartbeat may get
     * before the next worker to start a trial fails it as the trial of a dead worker. Trials from
     * {@link Study#ask()} are renewed too, until they are told.
     *
     * <p>The defaults, 10 s and 60 s, let five heartbeats in a row go missing before a trial is
     * declared dead, so that a long GC pause or a slow database does not fail a trial that is
     * still running; Optuna's users, whose default grace is two intervals, report just that
     * (optuna/optuna#4234, #5582).
     * A shorter grace finds dead workers sooner. Heartbeats carry each worker's clock, so the
     * clocks of the machines sharing a study must agree to well within {@code grace - interval}.
     * All workers of a study should use the same grace period: the shortest one decides.
     */
    public StudyBuilder heartbeat(Duration interval, Duration grace) {
        requireUnset(leases, "heartbeat");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive, but got " + interval);
        }
        try {
            interval.toNanos();
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException("the heartbeat interval " + interval + " is too long;"
                    + " use heartbeatOff() for no heartbeat");
        }
        if (grace.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("the grace period (" + grace + ") must be longer than the heartbeat"
                    + " interval (" + interval + "), or live trials are failed between two heartbeats;"
                    + " allow several intervals (the default is 60 s for 10 s)");
        }
        leases = new Leases.Settings(interval, grace, 0);
        return this;
    }

    /**
     * No heartbeat and no reaper: this study object neither renews the leases of its trials nor
     * fails those of others. Only for workers that are never left behind by a crash (a single
     * short-lived process, tests): every worker of the study must then turn heartbeats off, since
     * any worker that reaps fails this one's trials after its grace period.
     */
    public StudyBuilder heartbeatOff() {
        requireUnset(leases, "heartbeat");
        if (maxRetries != null && maxRetries > 0) {
            throw new IllegalStateException(retriesNeedHeartbeat(maxRetries));
        }
        leases = new Leases.Settings(null, null, 0);
        return this;
    }

    /**
     * Runs the parameters of a trial whose worker died (no heartbeat within the grace period) again,
     * up to {@code maxRetries} times: the worker that fails it enqueues a WAITING trial with the same
     * parameters, whose {@link TrialRecord#retriedFrom()} and {@link TrialRecord#retryHistory()}
     * tell where it came from. Trials whose objective threw are not retried. The default is 0.
     */
    public StudyBuilder retryFailedTrials(int maxRetries) {
        requireUnset(this.maxRetries, "number of retries");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("the number of retries must be >= 0, but got " + maxRetries);
        }
        if (maxRetries > 0 && leases != null && !leases.enabled()) {
            throw new IllegalStateException(retriesNeedHeartbeat(maxRetries));
        }
        this.maxRetries = maxRetries;
        return this;
    }

    private static String retriesNeedHeartbeat(int maxRetries) {
        return "retryFailedTrials(" + maxRetries + ") retries trials whose heartbeat stopped, but heartbeatOff()"
                + " turns the heartbeat and the reaper off; use one or the other";
    }

    /**
     * Constraints evaluated when a trial is told COMPLETE or PRUNED (as Optuna's
     * {@code constraints_func}): one value per constraint, satisfied when {@code <= 0}, stored as the
     * trial's {@link TrialRecord#CONSTRAINTS}. A NaN, a thrown exception or a number of values other
     * trials do not have fails the trial with the reason. Samplers and {@link Study#bestTrials()} rank
     * feasible trials first.
     */
    public StudyBuilder constraints(Function<TrialRecord, double[]> constraints) {
        requireUnset(this.constraints, "constraints function");
        this.constraints = Objects.requireNonNull(constraints, "constraints");
        return this;
    }

    /**
     * Names of the objectives, one per direction (as Optuna's {@code metric_names}), stored with a
     * new study as its system attribute {@value Study#OBJECTIVE_NAMES} and shown by the tables that
     * list its values. Loading a study with other names than it was created with is an error.
     */
    public StudyBuilder objectiveNames(String... names) {
        requireUnset(this.objectiveNames, "objective names");
        List<String> list = List.of(names);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : list) {
            if (name.isBlank() || !seen.add(name)) {
                throw new IllegalArgumentException("objective names must be distinct and not empty, but got " + list);
            }
        }
        this.objectiveNames = list;
        return this;
    }

    /** Creates a new study; fails with {@link DuplicateStudyException} if one of that name exists. */
    public Study create() {
        return create(storage());
    }

    private Study create(Storage store) {
        String studyName = name != null ? name : "study-" + Long.toHexString(new SecureRandom().nextLong());
        List<Direction> dirs = directions != null ? directions : List.of(Direction.MINIMIZE);
        long studySeed = seed != null ? seed : new SecureRandom().nextLong();
        if (objectiveNames != null && objectiveNames.size() != dirs.size()) {
            throw new IllegalArgumentException("the study has " + dirs.size() + " direction(s) " + dirs + " but "
                    + objectiveNames.size() + " objective name(s) " + objectiveNames + "; give one name per direction");
        }
        Map<String, Object> attrs = new java.util.LinkedHashMap<>();
        attrs.put(Study.SEED_ATTR, studySeed);
        if (objectiveNames != null) {
            attrs.put(Study.OBJECTIVE_NAMES, objectiveNames);
        }
        StudyInfo info = store.createStudy(studyName, dirs, attrs);
        return open(store, info, studySeed);
    }

    /** Loads an existing study; fails with a list of the studies there are if it does not exist. */
    public Study load() {
        if (name == null) {
            throw new IllegalStateException("name the study to load");
        }
        Storage store = storage();
        StudyInfo info = store.findStudy(name).orElseThrow(() -> new StudyNotFoundException(name,
                store.studies().stream().map(StudyInfo::name).toList()));
        return loaded(store, info);
    }

    /** Loads the study if it exists, or else creates it. */
    public Study createOrLoad() {
        if (name == null) {
            throw new IllegalStateException("name the study to create or load");
        }
        Storage store = storage();
        Optional<StudyInfo> existing = store.findStudy(name);
        if (existing.isPresent()) {
            return loaded(store, existing.get());
        }
        try {
            return create(store);
        } catch (DuplicateStudyException raced) {
            return loaded(store, store.findStudy(name).orElseThrow());
        }
    }

    private Study loaded(Storage store, StudyInfo info) {
        Object storedNames = info.systemAttrs().get(Study.OBJECTIVE_NAMES);
        if (objectiveNames != null && !objectiveNames.equals(storedNames)) {
            throw new IllegalArgumentException("study '" + info.name() + "' was created with objective names "
                    + (storedNames == null ? "none" : storedNames) + ", but is loaded with " + objectiveNames
                    + "; load it with its own names or create a new study");
        }
        if (directions != null && !directions.equals(info.directions())) {
            throw new IllegalArgumentException("study '" + info.name() + "' was created with directions "
                    + info.directions() + ", but is loaded with " + directions
                    + "; load it with its own directions or create a new study");
        }
        long studySeed;
        if (seed != null) {
            studySeed = seed;
        } else if (info.systemAttrs().get(Study.SEED_ATTR) instanceof Number stored) {
            studySeed = stored.longValue();
        } else {
            studySeed = new SecureRandom().nextLong();
        }
        return open(store, info, studySeed);
    }

    private Study open(Storage store, StudyInfo info, long studySeed) {
        return new Study(store, info,
                sampler != null ? sampler : Samplers.tpe(),
                pruner != null ? pruner : Pruners.median(),
                studySeed,
                clock != null ? clock : InstantSource.system(),
                leaseSettings(store).withRetries(maxRetries != null ? maxRetries : 0),
                constraints);
    }

    /**
     * Heartbeats as asked; by default on for storages other processes share, and off (no thread) for
     * one in this process's memory, unless retries of dead workers' trials are asked for.
     */
    private Leases.Settings leaseSettings(Storage store) {
        if (leases != null) {
            return leases;
        }
        boolean retries = maxRetries != null && maxRetries > 0;
        return store.sharedBetweenProcesses() || retries ? Leases.Settings.DEFAULT : new Leases.Settings(null, null, 0);
    }

    private Storage storage() {
        // the default is made per study, not remembered: the builder stays reusable
        return storage != null ? storage : Storages.inMemory();
    }

    private static void requireUnset(Object current, String what) {
        if (current != null) {
            throw new IllegalStateException("the study's " + what + " was already set to " + current);
        }
    }

}
