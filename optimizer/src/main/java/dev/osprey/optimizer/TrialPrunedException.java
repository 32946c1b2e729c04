package dev.osprey.optimizer;

/**
 * Thrown by an objective to end its trial as PRUNED, usually right after
 * {@link Trial#shouldPrune()} returned true. It is control flow, not an error.
 */
public class TrialPrunedException extends RuntimeException {

    public TrialPrunedException() {
        super("trial pruned");
    }

    public TrialPrunedException(String message) {
        super(message);
    }
}
