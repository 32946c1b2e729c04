package dev.osprey.optimizer.sampler.cmaes;

/** What CMA-ES does when a run stops making progress (its termination tests fire). */
public enum RestartStrategy {
    /** Keep going with the converged distribution. */
    NONE,
    /**
     * IPOP-CMA-ES (Auger and Hansen, "A Restart CMA Evolution Strategy With Increasing Population
     * Size", CEC 2005): restart from a random mean with twice the population.
     */
    IPOP,
    /**
     * BIPOP-CMA-ES (Hansen, "Benchmarking a BI-Population CMA-ES on the BBOB-2009 Function Testbed",
     * GECCO 2009): alternate restarts with a doubled large population and with a random small one,
     * giving each regime a similar budget of evaluations.
     */
    BIPOP
}
