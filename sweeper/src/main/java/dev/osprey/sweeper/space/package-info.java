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
 *
 * <p>Conditional search spaces: {@link ConditionalSpaces} reads the sweeps that the options of config
 * groups declare under {@code osprey: params:} and returns a {@link ConditionalSpace}, whose
 * {@link SearchTree} holds each parameter under the option that brings it (sealed
 * {@link SearchTree.Parameter} and {@link SearchTree.Branching} nodes). A trial samples the tree
 * define-by-run, so the optimizer sees only the suggestions of the branches a trial takes and never
 * learns about config groups.
 */
package dev.osprey.sweeper.space;
