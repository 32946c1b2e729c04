package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.space.PlainValues;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** A storage in this process's memory: fast, shared by the threads of one JVM, gone when it exits. */
public final class InMemoryStorage implements Storage {

    /** Its trials live and end with this process: no other worker can leave one behind. */
    @Override
    public boolean sharedBetweenProcesses() {
        return false;
    }


    private final Map<Long, StudyData> studies = new HashMap<>();
    private final Map<String, Long> studyIdsByName = new TreeMap<>();
    private final Map<Long, MutableTrial> trialsById = new HashMap<>();
    private long nextStudyId = 1;
    private long nextTrialId = 1;
    private long version = 0;

    @Override
    public synchronized StudyInfo createStudy(String name, List<Direction> directions, Map<String, Object> systemAttrs) {
        StudyNames.validate(name);
        if (studyIdsByName.containsKey(name)) {
            throw new DuplicateStudyException(name);
        }
        long id = nextStudyId++;
        StudyData study = new StudyData(id, name, List.copyOf(directions));
        systemAttrs.forEach((k, v) -> study.systemAttrs.put(k, PlainValues.normalize(v)));
        studies.put(id, study);
        studyIdsByName.put(name, id);
        return study.info();
    }

    @Override
    public synchronized Optional<StudyInfo> findStudy(String name) {
        Long id = studyIdsByName.get(name);
        return id == null ? Optional.empty() : Optional.of(studies.get(id).info());
    }

    @Override
    public synchronized List<StudyInfo> studies() {
        return studyIdsByName.values().stream().map(id -> studies.get(id).info()).toList();
    }

    @Override
    public synchronized void deleteStudy(long studyId) {
        StudyData study = study(studyId);
        study.trials.forEach(t -> trialsById.remove(t.id));
        studies.remove(studyId);
        studyIdsByName.remove(study.name);
    }

    @Override
    public synchronized void setStudyUserAttr(long studyId, String key, Object value) {
        study(studyId).userAttrs.put(key, PlainValues.normalize(value));
    }

    @Override
    public synchronized void setStudySystemAttr(long studyId, String key, Object value) {
        study(studyId).systemAttrs.put(key, PlainValues.normalize(value));
    }

    @Override
    public synchronized Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now,
                                                         Map<String, ?> userAttrs) {
        Optional<TrialRecord> started = startTrial(studyId, maxTrials, now);
        if (started.isEmpty() || userAttrs.isEmpty()) {
            return started;
        }
        userAttrs.forEach((key, value) -> setTrialUserAttr(started.get().id(), key, value));
        return Optional.of(trial(started.get().id()));
    }

    @Override
    public synchronized Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now) {
        StudyData study = study(studyId);
        if (study.trials.size() - study.waiting.size() >= maxTrials) {
            return Optional.empty();
        }
        MutableTrial trial;
        if (!study.waiting.isEmpty()) {
            trial = study.trials.get(study.waiting.pollFirst());
        } else {
            trial = newTrial(study);
        }
        trial.state = TrialState.RUNNING;
        trial.start = now;
        trial.heartbeat = now;
        return Optional.of(touch(study, trial));
    }

    @Override
    public synchronized TrialRecord enqueueTrial(long studyId, Map<String, Object> systemAttrs) {
        StudyData study = study(studyId);
        MutableTrial trial = newTrial(study);
        trial.state = TrialState.WAITING;
        systemAttrs.forEach((k, v) -> trial.systemAttrs.put(k, PlainValues.normalize(v)));
        study.waiting.add(trial.number);
        return touch(study, trial);
    }

    @Override
    public synchronized TrialRecord addTrial(long studyId, TrialRecord source) {
        StudyData study = study(studyId);
        MutableTrial trial = newTrial(study);
        trial.state = source.state();
        trial.values = source.values();
        trial.params.putAll(source.params());
        trial.intermediate.putAll(source.intermediateValues());
        source.userAttrs().forEach((k, v) -> trial.userAttrs.put(k, PlainValues.normalize(v)));
        source.systemAttrs().forEach((k, v) -> trial.systemAttrs.put(k, PlainValues.normalize(v)));
        trial.start = source.start().orElse(null);
        trial.end = source.end().orElse(null);
        trial.heartbeat = trial.start;
        if (trial.state == TrialState.WAITING) {
            study.waiting.add(trial.number);
        }
        return touch(study, trial);
    }

    private MutableTrial newTrial(StudyData study) {
        MutableTrial trial = new MutableTrial(nextTrialId++, study.id, study.trials.size());
        study.trials.add(trial);
        trialsById.put(trial.id, trial);
        return trial;
    }

    @Override
    public synchronized TrialRecord setParam(long trialId, String name, Param param) {
        MutableTrial trial = unfinished(trialId, "set parameter '" + name + "'");
        Param existing = trial.params.get(name);
        if (existing != null) {
            if (!existing.equals(param)) {
                throw new IllegalStateException("trial " + trial.number + " already has parameter '" + name
                        + "' = " + existing.value() + "; a parameter keeps its first value");
            }
            return trial.snapshot();
        }
        trial.params.put(name, param);
        return touch(study(trial.studyId), trial);
    }

    @Override
    public synchronized TrialRecord reportIntermediate(long trialId, int step, double value) {
        MutableTrial trial = unfinished(trialId, "report step " + step);
        if (trial.intermediate.putIfAbsent(step, value) != null) {
            return trial.snapshot();
        }
        return touch(study(trial.studyId), trial);
    }

    @Override
    public synchronized void setTrialUserAttr(long trialId, String key, Object value) {
        MutableTrial trial = unfinished(trialId, "set user attribute '" + key + "'");
        trial.userAttrs.put(key, PlainValues.normalize(value));
        touch(study(trial.studyId), trial);
    }

    @Override
    public synchronized void setTrialSystemAttr(long trialId, String key, Object value) {
        MutableTrial trial = unfinished(trialId, "set system attribute '" + key + "'");
        trial.systemAttrs.put(key, PlainValues.normalize(value));
        touch(study(trial.studyId), trial);
    }

    @Override
    public synchronized TrialRecord finishTrial(long trialId, TrialState state, List<Double> values,
                                                String reason, Instant now) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("a trial can only be finished as COMPLETE, PRUNED or FAIL, not " + state);
        }
        MutableTrial trial = unfinished(trialId, "finish it as " + state);
        StudyData study = study(trial.studyId);
        study.waiting.remove(trial.number); // a WAITING trial finished before it ran must never start
        trial.state = state;
        trial.values = List.copyOf(values);
        if (reason != null) {
            trial.systemAttrs.put(TrialRecord.FAIL_REASON, reason);
        }
        trial.end = now;
        return touch(study, trial);
    }

    @Override
    public synchronized void recordHeartbeat(long trialId, Instant now) {
        MutableTrial trial = unfinished(trialId, "record a heartbeat");
        trial.heartbeat = now;
    }

    @Override
    public synchronized List<TrialRecord> failStaleTrials(long studyId, Instant now, Duration grace) {
        StudyData study = study(studyId);
        List<TrialRecord> failed = new ArrayList<>();
        for (MutableTrial trial : study.trials) {
            if (trial.state == TrialState.RUNNING && trial.heartbeat.plus(grace).isBefore(now)) {
                trial.state = TrialState.FAIL;
                trial.end = now;
                trial.systemAttrs.put(TrialRecord.FAIL_REASON,
                        "no heartbeat since " + trial.heartbeat + " (grace period " + grace + "): its worker died");
                failed.add(touch(study, trial));
            }
        }
        return failed;
    }

    @Override
    public synchronized boolean claimGridPoint(long studyId, String gridKey, int index, long trialId) {
        return study(studyId).gridClaims.computeIfAbsent(gridKey, k -> new HashMap<>())
                .putIfAbsent(index, trialId) == null;
    }

    @Override
    public synchronized Map<Integer, Long> gridClaims(long studyId, String gridKey) {
        return Map.copyOf(study(studyId).gridClaims.getOrDefault(gridKey, Map.of()));
    }

    @Override
    public synchronized TrialRecord trial(long trialId) {
        return trial0(trialId).snapshot();
    }

    @Override
    public synchronized TrialChanges trialsChangedSince(long studyId, long cursor) {
        StudyData study = study(studyId);
        List<TrialRecord> changed = new ArrayList<>();
        for (int number : study.versions.tailMap(cursor, false).values()) {
            changed.add(study.trials.get(number).snapshot());
        }
        return new TrialChanges(changed, study.versions.isEmpty() ? cursor : Math.max(cursor, study.versions.lastKey()));
    }

    @Override
    public void close() {
        // nothing to release
    }

    private TrialRecord touch(StudyData study, MutableTrial trial) {
        if (trial.version > 0) {
            study.versions.remove(trial.version);
        }
        trial.version = ++version;
        study.versions.put(trial.version, trial.number);
        trial.snapshot = null;
        return trial.snapshot();
    }

    private StudyData study(long studyId) {
        StudyData study = studies.get(studyId);
        if (study == null) {
            throw new StorageException("study id " + studyId + " does not exist (was it deleted?)");
        }
        return study;
    }

    private MutableTrial trial0(long trialId) {
        MutableTrial trial = trialsById.get(trialId);
        if (trial == null) {
            throw new StorageException("trial id " + trialId + " does not exist (was its study deleted?)");
        }
        return trial;
    }

    private MutableTrial unfinished(long trialId, String attempted) {
        MutableTrial trial = trial0(trialId);
        if (trial.state.isFinished()) {
            throw new TrialFinishedException(trial.number, trial.state, attempted);
        }
        return trial;
    }

    private static final class StudyData {
        final long id;
        final String name;
        final List<Direction> directions;
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final List<MutableTrial> trials = new ArrayList<>();
        final TreeSet<Integer> waiting = new TreeSet<>();
        final TreeMap<Long, Integer> versions = new TreeMap<>();
        final Map<String, Map<Integer, Long>> gridClaims = new HashMap<>();

        StudyData(long id, String name, List<Direction> directions) {
            this.id = id;
            this.name = name;
            this.directions = directions;
        }

        StudyInfo info() {
            return new StudyInfo(id, name, directions, userAttrs, systemAttrs);
        }
    }

    private static final class MutableTrial {
        final long id;
        final long studyId;
        final int number;
        TrialState state = TrialState.RUNNING;
        List<Double> values = List.of();
        final Map<String, Param> params = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        Instant start;
        Instant end;
        Instant heartbeat;
        long version;
        TrialRecord snapshot;

        MutableTrial(long id, long studyId, int number) {
            this.id = id;
            this.studyId = studyId;
            this.number = number;
        }

        TrialRecord snapshot() {
            if (snapshot == null) {
                snapshot = new TrialRecord(id, number, state, values, params, intermediate, userAttrs, systemAttrs,
                        Optional.ofNullable(start), Optional.ofNullable(end));
            }
            return snapshot;
        }
    }
}
