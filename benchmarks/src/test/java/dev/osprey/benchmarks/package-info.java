/**
 * Tests of the benchmark suites: quick runs that check their rows and reports, target verdicts computed
 * from hand-made rows, and the test functions' check values.
 */
package dev.osprey.benchmarks;
