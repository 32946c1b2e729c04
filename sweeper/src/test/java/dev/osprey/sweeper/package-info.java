/**
 * Tests of the sweep driver on the in-process launcher: budgets and resuming, jobs started as others
 * end, grids, failure policies, pruning and interruption.
 */
package dev.osprey.sweeper;
