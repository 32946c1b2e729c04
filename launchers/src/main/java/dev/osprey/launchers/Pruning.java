package dev.osprey.launchers;

/**
 * Receives a job's intermediate values and decides whether the job should be stopped early. The
 * sweep driver backs it by the trial's pruner; launchers call it from their own threads, one job's
 * values in order.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Pruning {

    /** Never prunes and forgets the values. */
    Pruning NEVER = (step, value) -> false;

    /**
     * Records the value reported at {@code step}.
     *
     * @return true when the job should be stopped and counted as pruned
     */
    boolean report(int step, double value);
}
