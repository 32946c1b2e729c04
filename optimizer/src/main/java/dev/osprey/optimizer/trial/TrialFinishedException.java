package dev.osprey.optimizer.trial;

/** Raised on any attempt to change a trial that has already finished: finished trials never change. */
public class TrialFinishedException extends IllegalStateException {

    public TrialFinishedException(int number, TrialState state, String attempted) {
        super("trial " + number + " is already " + state + " and cannot be changed (tried to " + attempted
                + "); a finished trial never changes");
    }
}
