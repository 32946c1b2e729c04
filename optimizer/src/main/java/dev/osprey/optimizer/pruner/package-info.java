/**
 * Early stopping. A {@link Pruner} decides, from a running trial's intermediate values and those of the
 * study's other trials, whether {@link dev.osprey.optimizer.Trial#shouldPrune()} answers true;
 * {@link Pruners} makes the built-in ones: none, median and percentile, successive halving (ASHA),
 * Hyperband, threshold and patient, whose implementations are package-private. Pruners see a study only
 * through {@link dev.osprey.optimizer.trial.StudyView}, and what must outlive a call is stored on the
 * trials (successive halving records each rung's value as a system attribute), so that every worker
 * judges from the same stored data. Hyperband runs one successive-halving pruner per bracket, over a
 * view that holds only that bracket's trials ({@code BracketStudyView}).
 */
package dev.osprey.optimizer.pruner;
