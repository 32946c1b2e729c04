/** Tests of the reliability suite's own checks: that the audit finds what it must, so a scenario can fail. */
package dev.osprey.benchmarks.reliability;
