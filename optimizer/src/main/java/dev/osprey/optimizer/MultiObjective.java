package dev.osprey.optimizer;

/** An objective with one value per direction of its study. */
@FunctionalInterface
public interface MultiObjective {

    double[] evaluate(Trial trial) throws Exception;
}
