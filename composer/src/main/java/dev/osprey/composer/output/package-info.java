/**
 * Output directories, as Hydra lays them out. {@link OutputDirectories} creates a single run's directory
 * ({@code outputs/<date>/<time>}) or a sweep's ({@code multirun/<date>/<time>}, a {@link SweepDirectory}
 * with one {@link JobDirectory} per job number), from patterns resolved with an injected clock, and
 * never reuses a directory: a taken name gets a {@code _1}, {@code _2}, ... suffix.
 * {@link JobDirectory#writeMetadata} records in {@code .osprey/} how a job was configured: its config,
 * its overrides as the job receives them and Osprey's settings for the run. The single run and the
 * sweeper make job directories here; launchers receive them ready-made and do not use this package.
 */
package dev.osprey.composer.output;
