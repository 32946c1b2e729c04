/**
 * Search spaces from sweep overrides, read as Hydra's Optuna sweeper reads them:
 * {@link SearchSpaces#fromOverrides(java.util.List)} maps each sweep ({@code interval(...)},
 * {@code tag(log, ...)}, {@code int(interval(...))}, {@code range(...)}, {@code choice(...)} or
 * {@code a,b,c}, {@code glob(...)}) to a {@link dev.osprey.optimizer.space.Distribution}, and returns a
 * {@link SearchSpace}: the distributions by parameter name, and the overrides every trial receives
 * unchanged. {@link TrialOverrides} turns the values a study stores back into the typed overrides of a
 * trial's job, each its sweep's override with the sweep's own element, for a sampler's proposal
 * ({@link SearchSpace#jobOverrides(java.util.Map)}) and a grid point alike. This is where the composer's
 * {@link dev.osprey.composer.override.Sweep} meets the optimizer's distributions, so that neither module
 * knows the other; unlike Hydra's Optuna sweeper, a range excludes its stop, as everywhere in the
 * override language.
 */
package dev.osprey.sweeper.space;
