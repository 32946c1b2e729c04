package dev.osprey.sweeper.hydra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The options of a Hydra plugin (a sweeper's sampler, a launcher) as its config class declares them:
 * an option that keeps the plugin's default leaves Osprey's own default in place, so only options
 * that were changed are honoured or refused by name.
 */
final class PluginOptions {

    private PluginOptions() {
    }

    /** Whether {@code value}, as composed, is the plugin's {@code pluginDefault} (numbers compared by value). */
    static boolean isDefault(Object value, Object pluginDefault) {
        if (value instanceof Number x && pluginDefault instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(value, pluginDefault);
    }

    /** Options and their defaults, in order: {@code defaults("seed", null, "n_jobs", 2)}. */
    static Map<String, Object> defaults(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
