package dev.osprey.sweeper;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.Pruning;

import java.util.Map;

/**
 * Turns a trial's parameters into a job: composes its config, makes its directory and writes the
 * snapshot there. The command line implements it with the composer; embedders may write their own.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface JobFactory {

    /**
     * @param number  the trial number, which is also the job number
     * @param params  parameter name to value, in the plan's order
     * @param pruning where the job's intermediate values go
     * @throws RuntimeException when the job cannot be made (a composition error): the trial fails
     *                          with the exception's message and the sweep goes on
     */
    Job create(int number, Map<String, Object> params, Pruning pruning);
}
