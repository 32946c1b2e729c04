package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.TrialFinishedException;
import java.util.OptionalInt;

/**
 * Raised on a write to a trial that a worker's reaper failed because no heartbeat arrived within
 * the grace period: the worker looked dead (a long pause, a lost connection, or it really died).
 * The FAIL stands and the late result is not recorded; if the study retries such trials, the
 * parameters run again as {@link #retry()}.
 */
public class TrialLeaseExpiredException extends TrialFinishedException {

    private final int number;
    private final OptionalInt retry;
    private final String message;

    /**
     * @param number       the failed trial's number
     * @param attempted    what was tried, e.g. "finish it as COMPLETE"
     * @param storedReason the reason the storage stored with the FAIL, or null
     * @param retry        the number of the trial that runs its parameters again, if any
     */
    public TrialLeaseExpiredException(int number, String attempted, String storedReason, OptionalInt retry) {
        super(number, TrialState.FAIL, attempted);
        this.number = number;
        this.retry = retry;
        this.message = "trial " + number + " was failed because no heartbeat arrived within the grace period,"
                + " so its worker was taken for dead" + (storedReason == null ? "" : " (" + storedReason + ")")
                + "; " + (retry.isPresent() ? "its retry is trial " + retry.getAsInt()
                        : "it was not retried (see StudyBuilder.retryFailedTrials)")
                + ". Its result is not recorded (tried to " + attempted + "); if the worker was alive but"
                + " paused, give the study a longer grace period with StudyBuilder.heartbeat";
    }

    /** The failed trial's number. */
    public int trialNumber() {
        return number;
    }

    /** The number of the trial that runs the same parameters again, if one was enqueued. */
    public OptionalInt retry() {
        return retry;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
