package dev.osprey.composer.bind;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.config.MissingValueException;
import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Overrides;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Java records as typed configs, in both directions — Hydra's structured configs.
 *
 * {@snippet :
 * record Optimizer(String name, double lr) {}
 * record Train(Optimizer optimizer, int epochs, Optional<Long> seed) {
 *     static Train defaults() { return new Train(new Optimizer("adam", 1e-3), 10, Optional.empty()); }
 * }
 * Train train = Records.bind(config, Train.class);              // the whole config
 * Optimizer opt = Records.bind(config, "optimizer", Optimizer.class);
 * Records.checkOverrides(Train.class, List.of("epochs=ten"));   // fails before anything runs
 * ConfigRepository repo = ConfigRepository.fromDirectory(conf).withRecord("train", Train.class);
 * }
 *
 * <p><b>Binding</b> reads the config's values with interpolations resolved and coerces them as
 * OmegaConf does: numbers from strings that read as numbers ({@code "10"}, {@code "1e-3"}), ints widened
 * to {@code double}, a float narrowed to an int only without loss ({@code 3.0} but not {@code 3.5}),
 * booleans from {@code true/false/yes/no/on/off/y/n/1/0}, enums by constant name (any case). Fields may
 * be numbers, {@code boolean}, {@code String}, enums, records, {@code List<T>}, {@code Set<T>},
 * {@code Map<String, T>}, {@code Optional<T>} (absent or null gives empty), {@code ConfigValue},
 * {@code Config} and {@code Object} (plain values). A key the record does not have is an error naming
 * the known keys; a key it needs and the config lacks is taken from the record's static
 * {@code defaults()} method if it has one. The record's canonical constructor runs, so its own
 * validation applies. Errors are {@link ConfigBindingException}s naming the dotted path, the expected
 * type and the value.
 *
 * @since 0.1
 */
public final class Records {

    private Records() {
    }

    /**
     * The whole config as a {@code type}.
     *
     * @throws ConfigBindingException for a value that does not fit, an unknown or a missing key
     * @throws MissingValueException  for a {@code ???} value the record needs
     * @throws InterpolationException if an interpolation the record reads cannot be resolved
     */
    public static <T extends Record> T bind(Config config, Class<T> type) {
        return bind(config, "", type);
    }

    /** The subtree at {@code path} (dotted) as a {@code type}; see {@link #bind(Config, Class)}. */
    public static <T extends Record> T bind(Config config, String path, Class<T> type) {
        Objects.requireNonNull(type, "type");
        ConfigValue node = config.get(path);
        return type.cast(Binder.bind(node, type, path, null));
    }

    /**
     * A record as a config: components become keys in declaration order, nested records maps, enums
     * their names, an empty {@code Optional} null, and a {@code null} component {@code ???} (a value that
     * must be given before the config is used).
     */
    public static Config toConfig(Record value) {
        Objects.requireNonNull(value, "value");
        return Config.of((MapValue) RecordBinding.toValue(value));
    }

    /**
     * The config of {@code type}'s defaults: the record returned by its static no-argument
     * {@code defaults()} method.
     *
     * @throws IllegalArgumentException if the record has no such method
     */
    public static Config defaults(Class<? extends Record> type) {
        Object defaults = RecordBinding.defaults(type).orElseThrow(() -> new IllegalArgumentException("record "
                + type.getName() + " has no static " + RecordBinding.DEFAULTS_METHOD + "() method; give one, or"
                + " register an instance"));
        return toConfig((Record) defaults);
    }

    /**
     * Checks command-line overrides against {@code schema}, the record of the whole composed config, before
     * anything is composed or launched: each key must exist in the schema and each value (every choice of
     * a sweep, both ends of a range or an interval) must fit its field. See
     * {@link #checkOverrides(Class, List, Predicate)}.
     */
    public static void checkOverrides(Class<? extends Record> schema, List<String> overrides) {
        checkOverrides(schema, overrides, group -> false);
    }

    /**
     * Like {@link #checkOverrides(Class, List)}, skipping overrides that select config group options
     * ({@code model=vit}), for which {@code isConfigGroup} (for example {@code repository::groupExists})
     * is true. Values holding interpolations are left to composition.
     *
     * @throws ConfigBindingException listing every override that does not fit, each with its column:
     *                                an unknown key with the known keys of its level, a value with the
     *                                path, the expected type and the value
     */
    public static void checkOverrides(Class<? extends Record> schema, List<String> overrides,
                                      Predicate<String> isConfigGroup) {
        checkParsedOverrides(schema, Overrides.parseAll(overrides), isConfigGroup);
    }

    /** Like {@link #checkOverrides(Class, List, Predicate)}, for overrides parsed already. */
    public static void checkParsedOverrides(Class<? extends Record> schema, List<ConfigOverride> overrides,
                                            Predicate<String> isConfigGroup) {
        List<String> problems = OverrideCheck.problems(schema, overrides, isConfigGroup);
        if (problems.isEmpty()) {
            return;
        }
        String advice = "Fix the override" + (problems.size() == 1 ? "" : "s") + ", or the schema "
                + schema.getSimpleName() + " if it is out of date";
        String problem = problems.size() == 1 ? problems.getFirst()
                : problems.size() + " overrides do not fit schema " + schema.getSimpleName() + ":\n"
                + String.join("\n", problems);
        throw new ConfigBindingException("", "record " + schema.getSimpleName(), problems.size() + " overrides",
                problem, advice);
    }
}
