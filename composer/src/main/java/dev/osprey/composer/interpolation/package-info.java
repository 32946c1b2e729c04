/**
 * Interpolation as OmegaConf defines it. A string such as {@code lr_${optimizer.lr}} is parsed into a
 * {@link Template} of literals, references (absolute, or relative such as {@code ${.x}}) and resolver
 * calls ({@code ${oc.env:USER}}); {@link Interpolator} resolves them against a tree, keeping the type of
 * a value that is a single interpolation and reporting cycles; {@link Resolvers} is the registry of
 * resolver functions, with the built-ins {@code oc.env}, {@code now} and {@code osprey} (runtime values
 * such as {@code job.num}, supplied by the caller). {@link dev.osprey.composer.config.Config} calls into
 * this package when a getter reads a value, and this package works on
 * {@link dev.osprey.composer.value.ConfigValue} trees, never on the facade. Failures are {@link InterpolationException}s
 * that name the interpolation, the path of the value holding it and the rule it broke.
 */
package dev.osprey.composer.interpolation;
