/**
 * Tests of search spaces read from overrides, and of the job overrides a proposal turns into.
 */
package dev.osprey.sweeper.space;
