package dev.osprey.composer.bind;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.BoolValue;
import dev.osprey.composer.value.ConfigValue.FloatValue;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.value.ConfigValue.StringValue;
import dev.osprey.composer.config.MissingValueException;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns resolved config nodes into Java values of a declared type, with OmegaConf's coercions: an int
 * or a float from a string that reads as one ({@code "10"}, {@code "1e-3"}), an int widened to a
 * double, a float narrowed to an int only when nothing is lost ({@code 3.0}, never {@code 3.5}), a
 * boolean from {@code true/false/yes/no/on/off/y/n} or {@code 0/1}, a string from any scalar, an enum
 * from its constant's name (any letter case). {@code null} only binds to an {@code Optional}.
 */
final class Binder {

    static final String ADVICE = "Fix the value in the config or the override that sets it";

    private static final Pattern INT = Pattern.compile("[-+]?[0-9](_?[0-9])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(([0-9](_?[0-9])*)?\\.[0-9](_?[0-9])*|[0-9](_?[0-9])*\\.?)([eE][-+]?[0-9](_?[0-9])*)?");

    private Binder() {
    }

    /**
     * {@code node} (never {@code null}; a missing key is the caller's business) as a {@code type}.
     *
     * @param fallback the default for this node from a defaults instance, used for keys a record
     *                 misses below it; may be {@code null}
     */
    static Object bind(ConfigValue node, Type type, String path, Object fallback) {
        Class<?> raw = Types.raw(type);
        if (node instanceof MissingValue) {
            throw new MissingValueException(path);
        }
        if (raw == Optional.class) {
            return node instanceof NullValue ? Optional.empty() : Optional.of(bind(node, Types.argument(type, 0), path,
                    fallback instanceof Optional<?> o ? o.orElse(null) : null));
        }
        if (node instanceof NullValue && raw != Object.class && raw != ConfigValue.class) {
            throw mismatch(path, type, node, "null is allowed only for an Optional field");
        }
        if (raw == ConfigValue.class) {
            return node;
        }
        if (raw == Object.class) {
            return node.toPlain();
        }
        if (raw == Config.class) {
            return Config.of(map(node, type, path));
        }
        if (raw == String.class || raw == CharSequence.class) {
            return string(node, type, path);
        }
        if (raw == int.class || raw == Integer.class) {
            return (int) integral(node, type, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (raw == long.class || raw == Long.class) {
            return integral(node, type, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == short.class || raw == Short.class) {
            return (short) integral(node, type, path, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (raw == byte.class || raw == Byte.class) {
            return (byte) integral(node, type, path, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (raw == double.class || raw == Double.class) {
            return floating(node, type, path);
        }
        if (raw == float.class || raw == Float.class) {
            double d = floating(node, type, path);
            if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
                throw mismatch(path, type, node, "it is beyond the range of a float");
            }
            return (float) d;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return bool(node, type, path);
        }
        if (raw.isEnum()) {
            return enumConstant(node, type, raw, path);
        }
        if (raw.isRecord()) {
            return RecordBinding.bind(map(node, type, path), raw, path, fallback);
        }
        if (Types.isList(raw)) {
            return list(node, type, raw, path);
        }
        if (Types.isMap(raw)) {
            return stringMap(node, type, path);
        }
        throw mismatch(path, type, node, "fields of type " + Types.name(type) + " are not supported (use a number,"
                + " boolean, String, enum, record, List, Set, Map<String, T>, Optional or ConfigValue)");
    }

    private static MapValue map(ConfigValue node, Type type, String path) {
        if (node instanceof MapValue map) {
            return map;
        }
        throw mismatch(path, type, node, null);
    }

    private static String string(ConfigValue node, Type type, String path) {
        return switch (node) {
            case StringValue s -> s.value();
            case IntValue i -> Long.toString(i.value());
            case FloatValue f -> Overrides.valueString(new Element.FloatValue(f.value()));
            case BoolValue b -> Boolean.toString(b.value());
            default -> throw mismatch(path, type, node, null);
        };
    }

    private static long integral(ConfigValue node, Type type, String path, long min, long max) {
        long value = switch (node) {
            case IntValue i -> i.value();
            case FloatValue f -> {
                double d = f.value();
                if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
                    throw mismatch(path, type, node, "an int cannot hold it without losing precision");
                }
                yield (long) d;
            }
            case StringValue s when INT.matcher(s.value().strip()).matches() -> {
                try {
                    yield Long.parseLong(s.value().strip().replace("_", ""));
                } catch (NumberFormatException e) {
                    throw mismatch(path, type, node, "it is beyond the range of a long");
                }
            }
            default -> throw mismatch(path, type, node, null);
        };
        if (value < min || value > max) {
            throw mismatch(path, type, node, "it is beyond the range of " + Types.name(type) + " (" + min + " to "
                    + max + ")");
        }
        return value;
    }

    private static double floating(ConfigValue node, Type type, String path) {
        return switch (node) {
            case FloatValue f -> f.value();
            case IntValue i -> i.value();
            case StringValue s -> {
                String text = s.value().strip().toLowerCase(Locale.ROOT);
                String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
                double sign = text.startsWith("-") ? -1 : 1;
                if (unsigned.equals("inf") || unsigned.equals("infinity")) {
                    yield sign * Double.POSITIVE_INFINITY;
                }
                if (unsigned.equals("nan")) {
                    yield Double.NaN;
                }
                if (FLOAT.matcher(text).matches() && !text.isEmpty()) {
                    yield Double.parseDouble(text.replace("_", ""));
                }
                throw mismatch(path, type, node, "it is not a number");
            }
            default -> throw mismatch(path, type, node, null);
        };
    }

    private static boolean bool(ConfigValue node, Type type, String path) {
        return switch (node) {
            case BoolValue b -> b.value();
            case IntValue i when i.value() == 0 || i.value() == 1 -> i.value() == 1;
            case StringValue s -> switch (s.value().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on", "1" -> true;
                case "false", "no", "n", "off", "0" -> false;
                default -> throw mismatch(path, type, node,
                        "a boolean is true/false, yes/no, on/off, y/n or 1/0");
            };
            default -> throw mismatch(path, type, node, null);
        };
    }

    private static Object enumConstant(ConfigValue node, Type type, Class<?> raw, String path) {
        if (node instanceof StringValue s) {
            Object found = null;
            for (Object constant : raw.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                if (name.equals(s.value())) {
                    return constant;
                }
                if (name.equalsIgnoreCase(s.value())) {
                    found = found == null ? constant : Boolean.FALSE;
                }
            }
            if (found != null && found != Boolean.FALSE) {
                return found;
            }
        }
        throw mismatch(path, type, node, null);
    }

    private static Object list(ConfigValue node, Type type, Class<?> raw, String path) {
        if (!(node instanceof ListValue list)) {
            throw mismatch(path, type, node, null);
        }
        Type item = Types.argument(type, 0);
        List<Object> out = new ArrayList<>(list.items().size());
        for (int i = 0; i < list.items().size(); i++) {
            out.add(bind(list.items().get(i), item, path + "[" + i + "]", null));
        }
        if (raw == Set.class) {
            Set<Object> set = new LinkedHashSet<>(out);
            if (set.size() != out.size()) {
                throw mismatch(path, type, node, "it has duplicate items");
            }
            return Collections.unmodifiableSet(set);
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Object> stringMap(ConfigValue node, Type type, String path) {
        Type keyType = Types.argument(type, 0);
        if (keyType != String.class && keyType != Object.class && keyType != CharSequence.class) {
            throw mismatch(path, type, node, "map keys must be strings (Map<String, T>)");
        }
        MapValue map = map(node, type, path);
        Type valueType = Types.argument(type, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> out.put(k, bind(v, valueType, path.isEmpty() ? k : path + "." + k, null)));
        return Collections.unmodifiableMap(out);
    }

    /** {@code '<path>' expects <type>, got <value>[: <reason>]}, with the advice to fix the value. */
    static ConfigBindingException mismatch(String path, Type type, ConfigValue node, String reason) {
        String expected = Types.expected(type);
        String actual = Types.describe(node);
        String problem = "'" + (path.isEmpty() ? "<root>" : path) + "' expects " + expected + ", got " + actual
                + (reason == null ? "" : " (" + reason + ")");
        return new ConfigBindingException(path, expected, actual, problem, ADVICE);
    }
}
