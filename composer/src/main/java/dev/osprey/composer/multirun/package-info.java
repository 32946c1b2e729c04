/**
 * Hydra's basic sweeper. {@link BasicSweeper} expands sweep overrides ({@code a=1,2},
 * {@code choice(...)}, {@code range(...)}, {@code glob(...)}) into every combination of typed job
 * overrides, the first override varying slowest, and cuts them into batches, as Hydra's basic sweeper
 * does (checked against Hydra's corpus, in Hydra's text, by {@link dev.osprey.composer.conformance}). It
 * works on parsed overrides only and composes or runs nothing; the sweeper module's grid sweeps
 * ({@code dev.osprey.sweeper.multirun}) take their points from it.
 */
package dev.osprey.composer.multirun;
