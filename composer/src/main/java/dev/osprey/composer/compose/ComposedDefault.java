package dev.osprey.composer.compose;

/**
 * One step of the final Defaults List: a config merged into the result, in merge order.
 *
 * @param configPath  the config, such as {@code db/mysql}
 * @param packageName where its content was placed ({@code ""} is the root)
 * @param parent      the config whose Defaults List named it, {@code null} for the primary config
 * @param overrideKey the key by which overrides address it ({@code db}, {@code db@backup}), or
 *                    {@code null} when it was not selected as a Group Default
 * @since 0.1
 */
public record ComposedDefault(String configPath, String packageName, String parent, String overrideKey) {
}
