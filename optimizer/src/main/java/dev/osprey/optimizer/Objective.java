package dev.osprey.optimizer;

/**
 * The function a study optimises, written define-by-run: it asks the trial for parameters, runs,
 * and returns its value. Throw {@link TrialPrunedException} to end the trial as PRUNED; any
 * other exception, or a NaN or infinite value, ends it as FAIL and the study goes on.
 */
@FunctionalInterface
public interface Objective {

    double evaluate(Trial trial) throws Exception;
}
