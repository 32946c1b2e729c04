/**
 * Tests of NSGA-II: survival (fronts and crowding distance) against hand-computed cases, generations and
 * their parents derived from trial numbers, the settings' checks, and NSGA-II end to end against random
 * search on ZDT1.
 */
package dev.osprey.optimizer.sampler.nsga;
