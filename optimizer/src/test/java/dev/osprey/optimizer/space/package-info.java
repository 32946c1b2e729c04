/**
 * Tests of the distributions: the ranges they accept, steps that do not divide a range, membership, and
 * their external values.
 */
package dev.osprey.optimizer.space;
