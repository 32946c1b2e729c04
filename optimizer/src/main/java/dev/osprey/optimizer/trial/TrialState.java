package dev.osprey.optimizer.trial;

/** Where a trial is in its life. WAITING and RUNNING trials may change; finished ones never do. */
public enum TrialState {
    /** Enqueued with fixed parameters, not yet picked up by a worker. */
    WAITING,
    /** Handed to a worker, which holds a lease on it. */
    RUNNING,
    /** Finished with objective values. */
    COMPLETE,
    /** Stopped early by a pruner. */
    PRUNED,
    /** Failed: the objective threw, returned a non-finite value, or its worker died. */
    FAIL;

    /** COMPLETE, PRUNED and FAIL are final. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
