package dev.osprey.composer.compose;

import dev.osprey.composer.compose.DefaultsEntry.GroupEntry;

import java.util.List;

/** A node of the defaults tree: a loaded config with its children, its own content, or a deferred entry. */
sealed interface TreeItem {

    /** Where a config's own content goes among its children. */
    record SelfItem() implements TreeItem {
    }

    /**
     * A loaded config. {@code children} is in merge order (a mutable list while the tree is built);
     * a config without a Defaults List has no children and is merged as a whole.
     *
     * @param overrideKey the key of the Group Default that selected it, or {@code null}
     */
    record ConfigItem(String configPath, String packageName, String parent, String overrideKey,
                      List<TreeItem> children) implements TreeItem {
    }

    /**
     * A Group Default whose option is an interpolation, expanded once every other choice is known.
     *
     * @param entry the entry with its (interpolated) choice
     * @param scope where it stands: the including config, its group and its package
     */
    record DeferredItem(GroupEntry entry, Scope scope) implements TreeItem {
    }

    /**
     * What the entries of one Defaults List are resolved against.
     *
     * @param configPath    the including config
     * @param groupDir      its group (directory), against which relative paths resolve
     * @param packageName   its final package, against which packages resolve
     * @param interpolated  whether it lies under an interpolated Group Default
     */
    record Scope(String configPath, String groupDir, String packageName, boolean interpolated) {
    }
}
