/**
 * Running unchanged Hydra apps: recognising a {@code @hydra.main} program and where its configs are
 * ({@link dev.osprey.sweeper.hydra.HydraApp}), running each trial in Hydra's RUN mode with Osprey's
 * callback capturing the task function's return value ({@link dev.osprey.sweeper.hydra.HydraJobs}),
 * and reading a hydra-optuna-sweeper project's {@code hydra.sweeper} node as Osprey's sweeper settings
 * ({@link dev.osprey.sweeper.hydra.OptunaSweeperSettings}).
 */
package dev.osprey.sweeper.hydra;
