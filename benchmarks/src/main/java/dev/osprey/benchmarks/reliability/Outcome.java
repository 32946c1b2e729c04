package dev.osprey.benchmarks.reliability;

import java.util.List;

/**
 * What one scenario found.
 *
 * @param name     the scenario's name
 * @param fault    the fault it injected, for the report's table
 * @param rounds   how many times the fault was injected
 * @param survived rounds after which every promise held
 * @param lost     results a job reported as completed that the study does not hold
 * @param doubled  grid points whose work ran to completion more than once
 * @param skipped  why it did not run (a missing tool or permission), else null
 * @param problems the promises that did not hold, one line each
 * @param seconds  its wall time
 */
record Outcome(String name, String fault, int rounds, int survived, int lost, int doubled, String skipped,
               List<String> problems, double seconds) {

    boolean passed() {
        return skipped == null && problems.isEmpty() && survived == rounds && lost == 0 && doubled == 0;
    }

    static Outcome skipped(String name, String fault, String why) {
        return new Outcome(name, fault, 0, 0, 0, 0, why, List.of(), 0);
    }

    /** A scenario that needs the suite's PostgreSQL, run without it. */
    static Outcome withoutPostgres(Scenario scenario) {
        return skipped(scenario.name(), scenario.fault(), "PostgreSQL is not running (benchmarks/bench reliability starts it)");
    }
}
