/**
 * The automatic sampler: each trial is delegated to the GP, TPE or CMA-ES sampler by a rule read
 * from the study's stored trials, and the choice is stored on the trial.
 */
package dev.osprey.optimizer.sampler.auto;
