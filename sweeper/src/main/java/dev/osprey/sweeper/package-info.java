/**
 * The asynchronous sweep driver (ask, compose, launch, tell): a {@link Sweeper} keeps up to
 * {@code jobsInFlight} trials running, asks its {@link dev.osprey.optimizer.Study} for the next trial as
 * soon as one finishes, turns the trial's parameters into a {@link dev.osprey.launchers.Job} through a
 * {@link JobFactory}, submits it to a {@link dev.osprey.launchers.Launcher}, and tells the study each
 * result at once, so that the sampler learns from it before its next proposal. It is made through
 * {@link Sweeper#builder()}: a {@link SweepPlan} says what to explore (a sampler's search over
 * distributions, or the points of a grid), the budget counts at the study level so that a resumed sweep
 * runs only what is missing, a {@link FailurePolicy} says when failures stop it, a {@link SweepListener}
 * hears its events and a {@link SweepSummary} says how it went; {@link Collector} later reads the
 * results of a detached sweep's jobs into its study. The package joins the optimizer and the launchers
 * and uses no composer class: making a job's config is the {@link JobFactory}'s business, which
 * {@link dev.osprey.sweeper.multirun} implements with the composer, and which embedders may implement
 * their own way.
 */
package dev.osprey.sweeper;
