/**
 * Tests of the conformance checks themselves: a wrong expectation must fail and say what differed.
 */
package dev.osprey.composer.conformance;
