package dev.osprey.benchmarks.reliability;

/** One named fault-injection case. */
interface Scenario {

    String name();

    /** The fault, as the report's table names it. */
    String fault();

    /** Runs the case; a promise that does not hold is a problem in the outcome, not an exception. */
    Outcome run(Context context) throws Exception;
}
