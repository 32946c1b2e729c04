package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A study that {@link PrunerContract} plays step by step: its trials start, report and finish in
 * an in-memory {@link Storage}, and its pruner is asked as a study asks it, with the trial's record
 * as stored after the report. Every answer is logged, so that two plays can be compared. A
 * pruner's own tests may use it too.
 */
public final class ScriptedStudy {

    /** The start time of every trial, unless {@link #onEveryStart} says otherwise. */
    public static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    /** One answer of the pruner: whether trial {@code trial} should stop after reporting {@code step}. */
    public record Decision(int trial, int step, boolean prune) {
        @Override
        public String toString() {
            return "trial " + trial + " at step " + step + (prune ? ": prune" : ": go on");
        }
    }

    private final Storage storage = Storages.inMemory();
    private final String name;
    private final List<Direction> directions;
    private final long studyId;
    private final Pruner pruner;
    private final StudyView view = new View();
    private final Map<Object, Object> memos = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private IntFunction<Instant> startTime = started -> T0;
    private Consumer<TrialRecord> onStart = trial -> { };
    private int started;

    /** A new, empty single-objective study named {@code name} whose trials {@code pruner} judges. */
    public ScriptedStudy(String name, Direction direction, Pruner pruner) {
        this.name = name;
        this.directions = List.of(direction);
        this.studyId = storage.createStudy(name, directions, Map.of()).id();
        this.pruner = pruner;
    }

    /** The study as the pruner sees it. */
    public StudyView view() {
        return view;
    }

    /** The storage the trials live in, for writes of a test's own. */
    public Storage storage() {
        return storage;
    }

    /**
     * From now on, starts the {@code k}-th trial (counting every start from 0) at {@code when(k)}
     * and runs {@code decorate} on it, to give it parameters or attributes.
     */
    public void onEveryStart(IntFunction<Instant> when, Consumer<TrialRecord> decorate) {
        this.startTime = when;
        this.onStart = decorate;
    }

    /** Starts a RUNNING trial with the next number. */
    public TrialRecord start() {
        TrialRecord trial = storage.startTrial(studyId, Integer.MAX_VALUE, startTime.apply(started++)).orElseThrow();
        onStart.accept(trial);
        return storage.trial(trial.id());
    }

    /** Queues a WAITING trial. */
    public TrialRecord enqueue() {
        return storage.enqueueTrial(studyId, Map.of());
    }

    /** Stores an intermediate value of a trial. */
    public TrialRecord report(TrialRecord trial, int step, double value) {
        return storage.reportIntermediate(trial.id(), step, value);
    }

    /** The pruner's answer for the trial as stored now; logged. */
    public boolean ask(TrialRecord trial) {
        TrialRecord stored = storage.trial(trial.id());
        boolean prune = pruner.prune(view, stored);
        decisions.add(new Decision(stored.number(), stored.lastStep().orElse(-1), prune));
        return prune;
    }

    /** Finishes a trial: COMPLETE with {@code value}, or PRUNED or FAIL (the value is then dropped). */
    public TrialRecord finish(TrialRecord trial, TrialState state, double value) {
        List<Double> values = state == TrialState.COMPLETE ? List.of(value) : List.of();
        return storage.finishTrial(trial.id(), state, values, state == TrialState.FAIL ? "scripted" : null, T0);
    }

    /** The trial as stored now. */
    public TrialRecord stored(TrialRecord trial) {
        return storage.trial(trial.id());
    }

    /** Every answer of the pruner so far, in the order it gave them. */
    public List<Decision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    /** What a study gives its sampler and pruner, backed by the storage. */
    private final class View implements StudyView {

        @Override
        public String studyName() {
            return name;
        }

        @Override
        public List<Direction> directions() {
            return directions;
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public List<TrialRecord> trials() {
            return storage.trialsChangedSince(studyId, 0).trials().stream()
                    .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        }

        @Override
        public void setSystemAttr(TrialRecord trial, String key, Object value) {
            storage.setTrialSystemAttr(trial.id(), key, value);
        }

        @Override
        public void setStudySystemAttr(String key, Object value) {
            storage.setStudySystemAttr(studyId, key, value);
        }

        @Override
        public boolean claimGridPoint(String gridKey, int index, TrialRecord trial) {
            return storage.claimGridPoint(studyId, gridKey, index, trial.id());
        }

        @Override
        public Map<Integer, Long> gridClaims(String gridKey) {
            return storage.gridClaims(studyId, gridKey);
        }

        @Override
        public void stop() {
            // a scripted study starts exactly the trials of its script
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T memo(Object key, Supplier<T> factory) {
            return (T) memos.computeIfAbsent(key, k -> factory.get());
        }
    }
}
