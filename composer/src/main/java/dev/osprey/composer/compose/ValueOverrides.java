package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigException;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies config value overrides to the composed config, in command-line order, in struct mode:
 * {@code key=v} changes (the key must exist; a map merges), {@code +key=v} adds (an existing
 * non-null value is an error unless the value is a map or a list, which merge), {@code ++key=v} adds
 * or changes, {@code ~key[=v]} deletes, {@code key=extend_list(...)} appends to a list.
 */
final class ValueOverrides {

    private ValueOverrides() {
    }

    static Config apply(Config config, List<ConfigOverride> overrides, ConfigRepository repository) {
        Config current = config.asStruct();
        for (ConfigOverride override : overrides) {
            current = apply(current, override, repository);
        }
        return current;
    }

    private static Config apply(Config config, ConfigOverride override, ConfigRepository repository) {
        String key = override.key();
        String input = override.input();
        ConfigValue value = override.value() == null ? null : toConfigValue(override, (Element) override.value());
        try {
            ConfigValue existing = config.find(key).orElse(null);
            boolean absent = existing == null || existing instanceof NullValue || existing instanceof MissingValue;
            return switch (override.kind()) {
                case DELETE -> {
                    if (absent) {
                        throw new CompositionException("Could not delete from config. '" + key + "' does not exist.");
                    }
                    // Hydra compares ~key=value with the value as read (OmegaConf.select), so an interpolation
                    // is resolved for the comparison only; the config itself keeps it unresolved
                    ConfigValue current = value == null ? existing : config.get(key);
                    if (value != null && !value.equals(current)) {
                        throw new CompositionException("Could not delete from config. The value of '" + key + "' is "
                                + PythonText.of(current) + " and not " + PythonText.of(value) + ".");
                    }
                    yield config.delete(key);
                }
                case ADD -> {
                    if (absent || value instanceof MapValue || value instanceof ListValue) {
                        yield config.forceAdd(key, value);
                    }
                    throw new CompositionException("Could not append to config. An item is already at '" + key + "'.\n"
                            + "Either remove + prefix: '" + input.substring(1) + "'\n"
                            + "Or add a second + to add or override '" + key + "': '+" + input + "'");
                }
                case FORCE_ADD -> config.forceAdd(key, value);
                case EXTEND_LIST -> {
                    if (!(existing instanceof ListValue list)) {
                        throw new CompositionException("Could not append to config list. The existing value of '" + key
                                + "' is " + (existing == null ? "absent" : PythonText.of(existing))
                                + " which is not a list.");
                    }
                    List<ConfigValue> items = new ArrayList<>(list.items());
                    items.addAll(((ListValue) value).items());
                    yield config.change(key, new ListValue(items));
                }
                case CHANGE -> config.change(key, value);
            };
        } catch (ConfigException e) {
            if (override.kind() == dev.osprey.composer.override.OverrideKind.CHANGE) {
                throw new CompositionException("Could not override '" + key + "'.\nTo append to your config use +"
                        + input + unknownNameHint(config, key, repository), e);
            }
            throw new CompositionException("Could not apply '" + input + "': " + e.getMessage(), e);
        } catch (CompositionException e) {
            throw e; // already says which override and why
        } catch (IllegalArgumentException e) {
            throw new CompositionException("Could not apply '" + input + "': " + e.getMessage(), e);
        }
    }

    /**
     * For a key whose first part is neither a key of the config nor a config group (a misspelt group,
     * often), a line naming the config's keys and groups of that level; else nothing, so that Hydra's
     * message stays as it is.
     */
    private static String unknownNameHint(Config config, String key, ConfigRepository repository) {
        String first = key.split("[.\\[]", 2)[0];
        if (config.has(first) || repository.groupExists(first)) {
            return "";
        }
        List<String> groups = repository.groups("");
        return "\n'" + first + "' is neither a key of the config nor a config group. Keys: "
                + String.join(", ", config.root().entries().keySet())
                + (groups.isEmpty() ? "" : "; config groups: " + String.join(", ", groups));
    }

    /** An override's value as a config value: ints must fit 64 bits; strings reading {@code ???} are missing. */
    static ConfigValue toConfigValue(ConfigOverride override, Element element) {
        return switch (element) {
            case Element.IntValue i -> {
                BigInteger value = i.value();
                if (value.bitLength() > 63) {
                    throw new CompositionException("Could not apply '" + override.input() + "': the integer " + value
                            + " is out of the 64-bit range");
                }
                yield new ConfigValue.IntValue(value.longValue());
            }
            case Element.ListValue list -> {
                List<ConfigValue> items = new ArrayList<>();
                list.items().forEach(item -> items.add(toConfigValue(override, item)));
                yield new ListValue(items);
            }
            case Element.DictValue dict -> {
                Map<String, ConfigValue> entries = new LinkedHashMap<>();
                dict.entries().forEach(e -> entries.put(String.valueOf(Overrides.plainValue(e.key())),
                        toConfigValue(override, e.value())));
                yield new MapValue(entries);
            }
            default -> ConfigValue.of(Overrides.plainValue(element));
        };
    }
}
