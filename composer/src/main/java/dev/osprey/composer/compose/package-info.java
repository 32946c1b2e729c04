/**
 * Composition as Hydra does it. A {@link Composer} reads the primary config's Defaults List, and the
 * nested ones, from a {@link ConfigRepository} (YAML files in a directory or on the class path, and
 * records registered as structured configs), applies the command line's group overrides
 * ({@code db=postgresql}, {@code +group=option}, {@code ~group}) to that list, merges the chosen configs
 * in order, then applies the value overrides to the result in struct mode. The result is a
 * {@link Composition}: the {@link dev.osprey.composer.config.Config}, interpolations unresolved, the
 * final Defaults List as {@link ComposedDefault}s, and each Group Default's choice; failures are
 * {@link CompositionException}s with Hydra's message texts, a missing config a
 * {@link MissingConfigException} that lists its group's options. This package ties the others together
 * (it parses overrides with {@link dev.osprey.composer.override}, loads files with
 * {@link dev.osprey.composer.yaml}, merges {@link dev.osprey.composer.config} trees and checks overrides
 * against records with {@link dev.osprey.composer.bind}), and it is what the sweeper and the command
 * line call to make a job's config.
 *
 * <p>{@link Composer#withHydraRuntime()} composes a Hydra app's configs as its {@code @hydra.main} does:
 * Hydra 1.3.2's own config groups ({@code hydra/job_logging}, {@code hydra/sweeper} with the Optuna
 * sweeper and its samplers, ...) ship as YAML resources under {@code dev/osprey/composer/compose/hydra/}
 * ({@code pkg/}, searched before the app's configs as Hydra's {@code pkg://hydra.conf}; {@code store/},
 * searched after them as Hydra's structured configs), the composed config holds the {@code hydra} node,
 * and {@link Composition#jobConfig()} is the config without it.
 */
package dev.osprey.composer.compose;
