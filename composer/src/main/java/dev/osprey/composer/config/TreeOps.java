package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigException;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and rebuilding immutable trees along a path. */
final class TreeOps {

    /** How {@link #set} treats keys that are there and keys that are not. */
    enum Mode {
        /** Change a value; in struct mode the key must exist, and maps merge without new keys. */
        CHANGE,
        /** Add a key that is not there yet (creating parent maps). */
        ADD,
        /** Add or change; maps merge and may gain keys. */
        FORCE_ADD
    }

    private TreeOps() {
    }

    /**
     * The node at {@code path}. When {@code strict}, an absent key throws {@link ConfigKeyException}
     * and a {@code ???} on the way throws {@link MissingValueException}; otherwise both give {@code null}.
     */
    static ConfigValue walk(ConfigValue root, List<String> path, boolean strict) {
        ConfigValue node = root;
        String shown = "";
        for (String segment : path) {
            ConfigValue child = null;
            String childShown;
            switch (node) {
                case MapValue map -> {
                    child = map.get(segment);
                    childShown = ConfigPath.child(shown, segment, false);
                }
                case ListValue list -> {
                    int index = ConfigPath.index(segment);
                    child = index >= 0 && index < list.items().size() ? list.items().get(index) : null;
                    childShown = ConfigPath.child(shown, segment, true);
                }
                case MissingValue missing -> {
                    if (strict) {
                        throw new MissingValueException(shown);
                    }
                    return null;
                }
                default -> {
                    if (strict) {
                        throw new ConfigException(shown, "Cannot read '" + segment + "' from the " + node.typeName()
                                + " value at '" + shown + "'");
                    }
                    return null;
                }
            }
            if (child == null) {
                if (strict) {
                    throw new ConfigKeyException(childShown, shown.isEmpty()
                            ? "Key '" + segment + "' is not in the config"
                            : "Key '" + segment + "' is not in '" + shown + "' (full key: " + childShown + ")");
                }
                return null;
            }
            node = child;
            shown = childShown;
        }
        return node;
    }

    /** {@code container} with {@code value} set at {@code path[i..]}. */
    static ConfigValue set(ConfigValue container, List<String> path, int i, String shown, ConfigValue value,
                           Mode mode, boolean struct) {
        String segment = path.get(i);
        boolean last = i == path.size() - 1;
        switch (container) {
            case MapValue map -> {
                String childShown = ConfigPath.child(shown, segment, false);
                ConfigValue existing = map.get(segment);
                ConfigValue updated;
                if (existing == null) {
                    if (mode == Mode.CHANGE && struct) {
                        throw new ConfigKeyException(childShown, "Key '" + segment + "' is not in struct (full key: "
                                + childShown + ")");
                    }
                    updated = last ? value : set(MapValue.EMPTY, path, i + 1, childShown, value, mode, struct);
                } else if (last) {
                    updated = leaf(existing, value, mode, struct, childShown);
                } else {
                    updated = set(existing, path, i + 1, childShown, value, mode, struct);
                }
                Map<String, ConfigValue> entries = new LinkedHashMap<>(map.entries());
                entries.put(segment, updated);
                return new MapValue(entries);
            }
            case ListValue list -> {
                String childShown = ConfigPath.child(shown, segment, true);
                int index = ConfigPath.index(segment);
                if (index < 0 || index >= list.items().size()) {
                    throw new ConfigKeyException(childShown, "No list item at '" + childShown + "' (the list has "
                            + list.items().size() + " items)");
                }
                ConfigValue existing = list.items().get(index);
                ConfigValue updated = last ? leaf(existing, value, mode, struct, childShown)
                        : set(existing, path, i + 1, childShown, value, mode, struct);
                List<ConfigValue> items = new ArrayList<>(list.items());
                items.set(index, updated);
                return new ListValue(items);
            }
            case NullValue n when !(mode == Mode.CHANGE && struct) -> {
                return set(MapValue.EMPTY, path, i, shown, value, mode, struct);
            }
            case MissingValue m when !(mode == Mode.CHANGE && struct) -> {
                return set(MapValue.EMPTY, path, i, shown, value, mode, struct);
            }
            default -> throw new ConfigKeyException(ConfigPath.child(shown, segment, false), "Cannot set '" + segment
                    + "' inside the " + container.typeName() + " value at '" + shown + "'");
        }
    }

    private static ConfigValue leaf(ConfigValue existing, ConfigValue value, Mode mode, boolean struct, String shown) {
        if (mode == Mode.ADD) {
            throw new ConfigKeyException(shown, "An item is already at '" + shown + "'");
        }
        if (existing instanceof MapValue && value instanceof MapValue) {
            return Merging.merge(existing, value, struct && mode == Mode.CHANGE, shown);
        }
        return value;
    }

    /** {@code container} without the node at {@code path[i..]}. */
    static ConfigValue delete(ConfigValue container, List<String> path, int i, String shown) {
        String segment = path.get(i);
        boolean last = i == path.size() - 1;
        switch (container) {
            case MapValue map -> {
                String childShown = ConfigPath.child(shown, segment, false);
                ConfigValue existing = map.get(segment);
                if (existing == null) {
                    throw new ConfigKeyException(childShown, "Key '" + childShown + "' does not exist");
                }
                Map<String, ConfigValue> entries = new LinkedHashMap<>(map.entries());
                if (last) {
                    entries.remove(segment);
                } else {
                    entries.put(segment, delete(existing, path, i + 1, childShown));
                }
                return new MapValue(entries);
            }
            case ListValue list -> {
                String childShown = ConfigPath.child(shown, segment, true);
                int index = ConfigPath.index(segment);
                if (index < 0 || index >= list.items().size()) {
                    throw new ConfigKeyException(childShown, "No list item at '" + childShown + "'");
                }
                List<ConfigValue> items = new ArrayList<>(list.items());
                if (last) {
                    items.remove(index);
                } else {
                    items.set(index, delete(items.get(index), path, i + 1, childShown));
                }
                return new ListValue(items);
            }
            default -> throw new ConfigKeyException(ConfigPath.child(shown, segment, false),
                    "Key '" + ConfigPath.child(shown, segment, false) + "' does not exist");
        }
    }
}
