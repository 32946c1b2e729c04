package dev.osprey.sweeper;

import dev.osprey.launchers.JobResult;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.Optional;

/**
 * Runs once more the parameters of a trial whose job its scheduler preempted and Osprey could not
 * follow ({@link JobResult#isPreempted()}): the trial is failed with the reason {@code preempted}
 * and a new trial with the same parameters is enqueued, linked to it by the system attribute
 * {@value TrialRecord#FAILED_TRIAL} (as Optuna's {@code RetryFailedTrialCallback}). A trial that is
 * itself a retry is not retried: a point is run at most twice for preemption.
 */
final class PreemptionRetry {

    private int enqueued;

    /** The retry of {@code failed}, enqueued, when its job was preempted and it is no retry itself. */
    Optional<TrialRecord> retry(Study study, JobResult result, TrialRecord failed) {
        if (!result.isPreempted() || failed.retriedFrom().isPresent()) {
            return Optional.empty();
        }
        enqueued++;
        return Optional.of(study.enqueueRetry(failed));
    }

    /** Whether the preempted job's trial is left failed because it was a retry already. */
    static boolean notRetriedAgain(JobResult result, TrialRecord failed) {
        return result.isPreempted() && failed.retriedFrom().isPresent();
    }

    /** How many retries this sweep enqueued: its trial budget grows by as many, so that each runs. */
    int enqueued() {
        return enqueued;
    }
}
