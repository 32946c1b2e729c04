/**
 * Tests of each pruner, on in-memory studies driven through ask/tell, and of pruning in define-by-run
 * studies end to end.
 */
package dev.osprey.optimizer.pruner;
