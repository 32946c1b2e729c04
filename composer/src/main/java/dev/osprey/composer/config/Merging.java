package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merge rules of Hydra's configs: maps merge key by key, recursively (a key keeps its first
 * position); everything else, lists included, is replaced by the later value; a later {@code ???}
 * does not replace a value that is already there.
 */
final class Merging {

    private Merging() {
    }

    /**
     * {@code overlay} merged onto {@code base}. With {@code struct}, a key of an overlay map that the
     * base map lacks is an error.
     */
    static ConfigValue merge(ConfigValue base, ConfigValue overlay, boolean struct, String path) {
        if (base instanceof MapValue baseMap && overlay instanceof MapValue overlayMap) {
            return mergeMaps(baseMap, overlayMap, struct, path);
        }
        if (overlay instanceof MissingValue && base != null) {
            return base;
        }
        return overlay;
    }

    static MapValue mergeMaps(MapValue base, MapValue overlay, boolean struct, String path) {
        if (overlay.entries().isEmpty()) {
            return base;
        }
        Map<String, ConfigValue> out = new LinkedHashMap<>(base.entries());
        for (Map.Entry<String, ConfigValue> entry : overlay.entries().entrySet()) {
            String key = entry.getKey();
            ConfigValue existing = out.get(key);
            if (existing == null) {
                if (struct) {
                    String childPath = ConfigPath.child(path, key, false);
                    throw new ConfigKeyException(childPath, "Key '" + key + "' is not in struct (full key: "
                            + childPath + ")");
                }
                out.put(key, entry.getValue());
            } else {
                out.put(key, merge(existing, entry.getValue(), struct, ConfigPath.child(path, key, false)));
            }
        }
        return new MapValue(out);
    }
}
