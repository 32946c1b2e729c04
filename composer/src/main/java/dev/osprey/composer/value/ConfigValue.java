package dev.osprey.composer.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a config tree: a map (insertion-ordered, string keys), a list, a scalar (string,
 * 64-bit integer, double, boolean, null) or the {@code ???} marker of a value that must still be
 * given. Nodes are immutable; {@code Config} (in the config package) is the facade that reads and changes trees by path.
 *
 * @since 0.1
 */
public sealed interface ConfigValue {

    /** The text that marks a missing mandatory value, in YAML and on the command line. */
    String MISSING_MARKER = "???";

    /** A map in insertion order. */
    record MapValue(Map<String, ConfigValue> entries) implements ConfigValue {
        public static final MapValue EMPTY = new MapValue(Map.of());

        public MapValue {
            Map<String, ConfigValue> copy = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigValue> e : entries.entrySet()) {
                copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), e.getKey()));
            }
            entries = Collections.unmodifiableMap(copy);
        }

        /** The value of a key, or {@code null} when the key is absent. */
        public ConfigValue get(String key) {
            return entries.get(key);
        }
    }

    /** A list. */
    record ListValue(List<ConfigValue> items) implements ConfigValue {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** A string (interpolations such as {@code ${a.b}} are strings until they are resolved). */
    record StringValue(String value) implements ConfigValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A 64-bit integer. */
    record IntValue(long value) implements ConfigValue {
    }

    /** A double, including {@code inf} and {@code nan}. */
    record FloatValue(double value) implements ConfigValue {
    }

    /** A boolean. */
    record BoolValue(boolean value) implements ConfigValue {
    }

    /** The null value. */
    record NullValue() implements ConfigValue {
        public static final NullValue INSTANCE = new NullValue();
    }

    /** The {@code ???} marker: a mandatory value that has not been given; reading it is an error. */
    record MissingValue() implements ConfigValue {
        public static final MissingValue INSTANCE = new MissingValue();
    }

    /**
     * A tree from plain Java values: {@code null}, {@link Boolean}, integral {@link Number}s (within
     * the {@code long} range), {@link Float}/{@link Double}, {@link CharSequence} (the text {@code ???}
     * becomes {@link MissingValue}), {@link Map} (keys by {@code toString()}), {@link Collection},
     * or a {@code ConfigValue}.
     *
     * @throws IllegalArgumentException for any other value
     */
    static ConfigValue of(Object plain) {
        return switch (plain) {
            case null -> NullValue.INSTANCE;
            case ConfigValue value -> value;
            case Boolean b -> new BoolValue(b);
            case Double d -> new FloatValue(d);
            case Float f -> new FloatValue(f);
            case BigInteger big -> {
                if (big.bitLength() > 63) {
                    throw new IllegalArgumentException("integer out of the 64-bit range: " + big);
                }
                yield new IntValue(big.longValue());
            }
            case Long l -> new IntValue(l);
            case Integer i -> new IntValue(i);
            case Short s -> new IntValue(s);
            case Byte b -> new IntValue(b);
            case CharSequence text -> MISSING_MARKER.contentEquals(text)
                    ? MissingValue.INSTANCE : new StringValue(text.toString());
            case Map<?, ?> map -> {
                Map<String, ConfigValue> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(String.valueOf(k), of(v)));
                yield new MapValue(entries);
            }
            case Collection<?> items -> new ListValue(items.stream().map(ConfigValue::of).toList());
            default -> throw new IllegalArgumentException(
                    "not a config value: " + plain.getClass().getName());
        };
    }

    /**
     * This tree as plain Java values: unmodifiable insertion-ordered maps and lists, {@link String},
     * {@link Long}, {@link Double}, {@link Boolean}, {@code null}, and the text {@code ???} for a
     * missing value.
     */
    default Object toPlain() {
        return switch (this) {
            case MapValue map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach((k, v) -> out.put(k, v.toPlain()));
                yield Collections.unmodifiableMap(out);
            }
            case ListValue list -> {
                List<Object> out = new ArrayList<>(list.items().size());
                list.items().forEach(v -> out.add(v.toPlain()));
                yield Collections.unmodifiableList(out);
            }
            case StringValue s -> s.value();
            case IntValue i -> i.value();
            case FloatValue f -> f.value();
            case BoolValue b -> b.value();
            case NullValue n -> null;
            case MissingValue m -> MISSING_MARKER;
        };
    }

    /** A short name of the node's type for messages: {@code map}, {@code list}, {@code string}, ... */
    default String typeName() {
        return switch (this) {
            case MapValue m -> "map";
            case ListValue l -> "list";
            case StringValue s -> "string";
            case IntValue i -> "int";
            case FloatValue f -> "float";
            case BoolValue b -> "boolean";
            case NullValue n -> "null";
            case MissingValue m -> "missing value (???)";
        };
    }
}
