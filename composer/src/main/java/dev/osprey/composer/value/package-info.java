/**
 * The nodes of a config tree, at the bottom of the composer. {@link ConfigValue} is an immutable
 * node (a map, a list, a scalar or the {@code ???} marker of a value still to be given), and
 * {@link ConfigException} the root of the errors about a tree, naming the path where it went wrong.
 * Interpolation ({@link dev.osprey.composer.interpolation}) works on these nodes, and the
 * {@code Config} facade of {@link dev.osprey.composer.config} reads and changes trees of them through
 * interpolation; this package depends on neither, so the three form no cycle.
 */
package dev.osprey.composer.value;
