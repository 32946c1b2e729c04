/**
 * The config tree's facade. Its nodes are the {@link dev.osprey.composer.value.ConfigValue}s of
 * {@link dev.osprey.composer.value}, and {@link Config} is the facade that reads a tree by dotted
 * path with typed getters, changes it in struct mode ({@link Config#change}, {@link Config#add},
 * {@link Config#forceAdd}), merges trees by Hydra's rules (maps recursively, lists and scalars replaced)
 * and writes them as YAML ({@link Config#toYaml()}). Interpolations stay in the tree as written and are
 * resolved when a getter reads them, through {@link dev.osprey.composer.interpolation}, which works on
 * the nodes alone and knows nothing of this facade. Errors are
 * {@link dev.osprey.composer.value.ConfigException}s, {@link MissingValueException} for a {@code ???} that
 * is read and {@link ConfigKeyException} for a key that is absent or not allowed.
 */
package dev.osprey.composer.config;
