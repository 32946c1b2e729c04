package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where studies and their trials live. Many workers, in one process or many, may share one
 * storage; every method is atomic on its own, and the guarantees below hold under any
 * concurrency:
 *
 * <ul>
 *   <li>trial numbers are unique and gap-free per study ({@link #startTrial}, {@link #enqueueTrial});</li>
 *   <li>a finished trial never changes: writing to it throws {@link dev.osprey.optimizer.trial.TrialFinishedException};</li>
 *   <li>a RUNNING trial holds a lease renewed by {@link #recordHeartbeat}; {@link #failStaleTrials} fails
 *       those whose lease ran out;</li>
 *   <li>a grid point is claimed by at most one trial ({@link #claimGridPoint}).</li>
 * </ul>
 *
 * <p>Values passed as attributes are JSON-compatible: strings, numbers, booleans, null, lists and
 * maps of those. They are read back in their plain form, whatever the storage: whole numbers as
 * {@code Long}, the others as {@code Double} ({@link dev.osprey.optimizer.space.PlainValues#normalize}).
 *
 * <p>The storage contract-test kit ({@code StorageContract} in the optimizer's test-jar) checks all
 * of this; a storage's test extends it.
 */
public interface Storage extends AutoCloseable {

    /**
     * Creates a study; throws {@link DuplicateStudyException} if the name is taken, and the
     * {@link IllegalArgumentException} of {@link StudyNames#validate} if it breaks the rule for names.
     */
    StudyInfo createStudy(String name, List<Direction> directions, Map<String, Object> systemAttrs);

    /** The study of that name, if there is one. */
    Optional<StudyInfo> findStudy(String name);

    /** All studies, by name. */
    List<StudyInfo> studies();

    /** Deletes a study and all its trials. */
    void deleteStudy(long studyId);

    /** Sets (or replaces) a user attribute of a study. */
    void setStudyUserAttr(long studyId, String key, Object value);

    /** Sets (or replaces) a system attribute of a study: what Osprey itself records on it, such as a sampler's choices. */
    void setStudySystemAttr(long studyId, String key, Object value);

    /**
     * Starts a trial for a worker, atomically: if the study holds fewer than {@code maxTrials}
     * trials that are not WAITING, the oldest WAITING trial is moved to RUNNING, or else a new
     * RUNNING trial is created with the next number. Returns empty when the budget is used up.
     *
     * @param maxTrials the study-level budget, or {@link Integer#MAX_VALUE} for none
     * @param now       the start time, which is also the first heartbeat
     */
    Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now);

    /**
     * Starts a trial as {@link #startTrial(long, int, Instant)} does, with these user attributes
     * set by the same write: a worker that dies right after the start still leaves a trial that
     * says whose it was. The default sets them by a second write; the built-in storages set them
     * atomically.
     */
    default Optional<TrialRecord> startTrial(long studyId, int maxTrials, Instant now, Map<String, ?> userAttrs) {
        Optional<TrialRecord> started = startTrial(studyId, maxTrials, now);
        if (started.isEmpty() || userAttrs.isEmpty()) {
            return started;
        }
        userAttrs.forEach((key, value) -> setTrialUserAttr(started.get().id(), key, value));
        return Optional.of(trial(started.get().id()));
    }

    /** Creates a WAITING trial with the given system attributes (for one, the fixed parameters). */
    TrialRecord enqueueTrial(long studyId, Map<String, Object> systemAttrs);

    /** Stores a parameter of an unfinished trial; a name holds one value for the trial's life. */
    TrialRecord setParam(long trialId, String name, Param param);

    /** Stores an intermediate value; a step reported twice keeps its first value. */
    TrialRecord reportIntermediate(long trialId, int step, double value);

    /** Sets a user attribute of an unfinished trial. */
    void setTrialUserAttr(long trialId, String key, Object value);

    /** Sets a system attribute of an unfinished trial. */
    void setTrialSystemAttr(long trialId, String key, Object value);

    /**
     * Finishes a RUNNING trial. Throws {@link dev.osprey.optimizer.trial.TrialFinishedException} if it
     * has already finished.
     *
     * @param state  COMPLETE, PRUNED or FAIL
     * @param values one value per objective for COMPLETE, otherwise empty
     * @param reason why a trial failed, or null
     */
    TrialRecord finishTrial(long trialId, TrialState state, List<Double> values, String reason, Instant now);

    /** Renews the lease of a RUNNING trial. */
    void recordHeartbeat(long trialId, Instant now);

    /**
     * Fails the RUNNING trials of a study whose last heartbeat is older than {@code grace}, with a
     * reason, and returns them as they are now (FAIL). Safe to call from many workers at once: each
     * stale trial is failed exactly once.
     */
    List<TrialRecord> failStaleTrials(long studyId, Instant now, Duration grace);

    /**
     * Claims point {@code index} of the grid {@code gridKey} for a trial. True for exactly one
     * caller per point and grid, whatever the concurrency.
     */
    boolean claimGridPoint(long studyId, String gridKey, int index, long trialId);

    /** The points of a grid claimed so far, each with the id of the trial that claimed it. */
    Map<Integer, Long> gridClaims(long studyId, String gridKey);

    /** One trial, in its current state. */
    TrialRecord trial(long trialId);

    /** Every trial that changed after {@code cursor}; start from 0 to read them all. */
    TrialChanges trialsChangedSince(long studyId, long cursor);

    /**
     * Whether other processes can see this storage's trials, so that a worker that dies leaves RUNNING
     * trials behind: then studies renew their trials' leases (a heartbeat thread) and reap the stale
     * ones of others. A storage in this process's memory answers false: its trials end with the process.
     */
    default boolean sharedBetweenProcesses() {
        return true;
    }

    /**
     * Every study with its trial counts by state, best value (single-objective studies) and last
     * activity, by name. This default reads every trial; database storages answer with SQL.
     */
    default List<StudySummary> studySummaries() {
        return studies().stream()
                .map(study -> StudySummary.of(study, trialsChangedSince(study.id(), 0).trials()))
                .toList();
    }

    /**
     * Stores a copy of a trial, made elsewhere (another study or storage), as this study's next
     * trial: its state, values, parameters, intermediate values, attributes and times are kept;
     * its number is the next one of this study and its id is new. A WAITING copy is started like
     * an enqueued trial; a RUNNING copy holds a lease from its start time. {@link StudyTransfer}
     * copies whole studies with it. This default refuses, for storages written before it existed.
     */
    default TrialRecord addTrial(long studyId, TrialRecord trial) {
        throw new StorageException(getClass().getSimpleName() + " cannot store copied trials (addTrial)");
    }

    /** Releases connections and files. */
    @Override
    void close();
}
