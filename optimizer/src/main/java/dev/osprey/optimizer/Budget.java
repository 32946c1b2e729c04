package dev.osprey.optimizer;

import java.time.Duration;
import java.util.Objects;

/**
 * How long {@link Study#optimize} runs. Trials count at the study level: a budget of 100 trials
 * means the study holds 100 trials (finished or running) when optimize returns, whether they
 * came from this call, an earlier run or other workers. Optimize stops at whichever limit comes
 * first.
 *
 * @param maxTrials   the number of trials the study should hold, or {@link Integer#MAX_VALUE}
 * @param maxDuration the wall-clock time this call may start new trials for, or null for no limit
 */
public record Budget(int maxTrials, Duration maxDuration) {

    public Budget {
        if (maxTrials < 0) {
            throw new IllegalArgumentException("a trial budget must be >= 0, but got " + maxTrials);
        }
        if (maxDuration != null && maxDuration.isNegative()) {
            throw new IllegalArgumentException("a time budget must not be negative, but got " + maxDuration);
        }
    }

    /** Until the study holds {@code n} trials. */
    public static Budget trials(int n) {
        return new Budget(n, null);
    }

    /** For at most {@code duration} of wall-clock time. */
    public static Budget time(Duration duration) {
        return new Budget(Integer.MAX_VALUE, Objects.requireNonNull(duration, "duration"));
    }

    /** This budget with a time limit as well. */
    public Budget orTime(Duration duration) {
        return new Budget(maxTrials, Objects.requireNonNull(duration, "duration"));
    }
}
