/**
 * Tests of the study API (creating and loading, define-by-run, ask/tell, suggestions, results, leases
 * and heartbeats, the README's example), with test clocks and {@link Workers}, which the contract kits
 * and the study database's tests also use to start threads at one instant; and the check that the
 * contract kits stay usable from another package ({@link ContractKitsSurfaceTest}).
 */
package dev.osprey.optimizer;
