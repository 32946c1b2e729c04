package dev.osprey.sweeper;

/**
 * When failed jobs stop a sweep. Timed-out jobs count as failures; pruned and cancelled ones do not.
 *
 * @param maxFailures    the sweep stops once more jobs than this have failed
 * @param maxFailureRate the sweep stops once the share of failed jobs among finished ones exceeds
 *                       this (judged from {@code minJobsForRate} finished jobs on)
 * @param minJobsForRate how many jobs must have finished before the rate is judged
 * @since 0.1
 */
public record FailurePolicy(int maxFailures, double maxFailureRate, int minJobsForRate) {

    public FailurePolicy {
        if (maxFailures < 0) {
            throw new IllegalArgumentException("maxFailures must be >= 0, got " + maxFailures);
        }
        if (!(maxFailureRate >= 0 && maxFailureRate <= 1)) {
            throw new IllegalArgumentException("maxFailureRate must be within [0, 1], got " + maxFailureRate);
        }
        if (minJobsForRate < 1) {
            throw new IllegalArgumentException("minJobsForRate must be >= 1, got " + minJobsForRate);
        }
    }

    /** Stop at the first failure, cancelling the jobs still running. */
    public static FailurePolicy failFast() {
        return new FailurePolicy(0, 1, 1);
    }

    /** Go on whatever fails. */
    public static FailurePolicy continueAlways() {
        return new FailurePolicy(Integer.MAX_VALUE, 1, 1);
    }

    /** Go on until more than {@code n} jobs have failed. */
    public static FailurePolicy maxFailures(int n) {
        return new FailurePolicy(n, 1, 1);
    }

    /** Go on while at most {@code rate} of the finished jobs (once 10 have finished) failed. */
    public static FailurePolicy maxFailureRate(double rate) {
        return new FailurePolicy(Integer.MAX_VALUE, rate, 10);
    }

    /** Whether the sweep must stop after {@code failed} failures among {@code finished} jobs. */
    public boolean exceeded(int failed, int finished) {
        if (failed > maxFailures) {
            return true;
        }
        return finished >= minJobsForRate && (double) failed / finished > maxFailureRate;
    }
}
