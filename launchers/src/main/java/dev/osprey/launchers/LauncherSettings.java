package dev.osprey.launchers;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;

import java.time.Duration;
import java.util.Optional;

/**
 * Typed reads of a launcher's settings ({@code osprey.launcher.*}) with errors that name the
 * setting, the value and what is expected.
 *
 * @param launcher the launcher's name, for messages
 * @param settings the settings subtree
 * @since 0.1
 */
public record LauncherSettings(String launcher, Config settings) {

    public Optional<ConfigValue> value(String key) {
        return settings.find(key).filter(v -> !(v instanceof ConfigValue.NullValue));
    }

    public int intValue(String key, int fallback) {
        return value(key).map(v -> switch (v) {
            case ConfigValue.IntValue i when i.value() == (int) i.value() -> (int) i.value();
            case ConfigValue.StringValue s when s.value().strip().matches("-?\\d{1,9}") -> Integer.parseInt(s.value().strip());
            default -> throw invalid(key, v, "a whole number");
        }).orElse(fallback);
    }

    /** A yes/no setting: {@code true} or {@code false} (YAML booleans, or those words as text). */
    public boolean booleanValue(String key, boolean fallback) {
        return value(key).map(v -> switch (v) {
            case ConfigValue.BoolValue b -> b.value();
            case ConfigValue.StringValue s when s.value().strip().equalsIgnoreCase("true") -> true;
            case ConfigValue.StringValue s when s.value().strip().equalsIgnoreCase("false") -> false;
            default -> throw invalid(key, v, "true or false");
        }).orElse(fallback);
    }

    public Duration seconds(String key, double fallback) {
        double value = value(key).map(v -> switch (v) {
            case ConfigValue.IntValue i -> (double) i.value();
            case ConfigValue.FloatValue f -> f.value();
            default -> throw invalid(key, v, "a number of seconds");
        }).orElse(fallback);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new LauncherException(launcher + " launcher: osprey.launcher." + key + " must be a finite number of"
                    + " seconds >= 0, got " + value);
        }
        return Duration.ofNanos((long) (value * 1e9));
    }

    public Optional<String> string(String key) {
        return value(key).map(v -> switch (v) {
            case ConfigValue.StringValue s -> s.value();
            case ConfigValue.IntValue i -> Long.toString(i.value());
            case ConfigValue.FloatValue f -> Double.toString(f.value());
            case ConfigValue.BoolValue b -> Boolean.toString(b.value());
            default -> throw invalid(key, v, "a single value");
        });
    }

    private LauncherException invalid(String key, ConfigValue value, String expected) {
        return new LauncherException(launcher + " launcher: osprey.launcher." + key + " must be " + expected
                + ", got " + value.toPlain());
    }
}
