/**
 * The config tree. {@link ConfigValue} is an immutable node (a map, a list, a scalar or the {@code ???}
 * marker of a value still to be given), and {@link Config} is the facade that reads a tree by dotted
 * path with typed getters, changes it in struct mode ({@link Config#change}, {@link Config#add},
 * {@link Config#forceAdd}), merges trees by Hydra's rules (maps recursively, lists and scalars replaced)
 * and writes them as YAML ({@link Config#toYaml()}). Interpolations stay in the tree as written and are
 * resolved when a getter reads them, through {@link dev.osprey.composer.interpolation}, which in turn
 * works on these trees: the two packages depend on each other and on nothing else but the root
 * exception. Errors are {@link ConfigException}s, {@link MissingValueException} for a {@code ???} that
 * is read and {@link ConfigKeyException} for a key that is absent or not allowed.
 */
package dev.osprey.composer.config;
