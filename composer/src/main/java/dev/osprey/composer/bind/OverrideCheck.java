package dev.osprey.composer.bind;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.interpolation.Interpolator;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.GlobSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks overrides against a record schema before anything is composed or launched: every key must
 * exist in the schema (a map field takes any key, a list field an index), and every value the
 * override can give — each choice of a sweep, the ends of a range or an interval — must bind to the
 * field's type. Values holding interpolations are left to composition. Overrides that select options
 * of a config group are skipped.
 */
final class OverrideCheck {

    /** One problem, located in its override. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private OverrideCheck() {
    }

    /** One message per override that does not fit, in order. */
    static List<String> problems(Class<?> schema, List<ConfigOverride> overrides, Predicate<String> isGroup) {
        List<String> problems = new ArrayList<>();
        for (ConfigOverride override : overrides) {
            try {
                check(schema, override, isGroup);
            } catch (Problem p) {
                problems.add(p.getMessage());
            }
        }
        return problems;
    }

    private static void check(Class<?> schema, ConfigOverride override, Predicate<String> isGroup) {
        boolean dict = override.value() instanceof Element.DictValue;
        if (!dict && isGroup.test(override.key())) {
            return;
        }
        Type type = schema;
        String path = "";
        boolean inMap = false;
        int offset = override.kind().prefix().length();
        for (String segment : segments(override.key())) {
            Type target = unwrap(type);
            Class<?> raw = Types.raw(target);
            inMap = false;
            if (raw.isRecord()) {
                RecordComponent component = component(raw, segment);
                if (component == null) {
                    String child = RecordBinding.child(path, segment);
                    throw problem(override, "key", offset + 1, "'" + child + "' is not a key of record "
                            + raw.getSimpleName() + ". Known keys at '" + (path.isEmpty() ? "<root>" : path) + "': "
                            + String.join(", ", Arrays.stream(raw.getRecordComponents())
                            .map(RecordComponent::getName).toList()));
                }
                type = component.getGenericType();
            } else if (Types.isMap(raw)) {
                type = Types.argument(target, 1);
                inMap = true;
            } else if (raw == List.class && segment.chars().allMatch(Character::isDigit)) {
                type = Types.argument(target, 0);
            } else if (raw == Object.class || raw == ConfigValue.class || raw == Config.class) {
                return;
            } else {
                throw problem(override, "key", offset + 1, "'" + path + "' is " + Types.expected(target)
                        + " and has no key '" + segment + "'");
            }
            path = RecordBinding.child(path, segment);
            offset += segment.length() + 1;
        }
        int valueColumn = override.input().indexOf('=') + 2;
        switch (override.kind()) {
            case DELETE -> {
                if (!inMap && !Types.isOptional(type)) {
                    throw problem(override, "key", override.kind().prefix().length() + 1, "'" + path
                            + "' is a required " + Types.expected(type) + " of the schema and cannot be deleted");
                }
            }
            case EXTEND_LIST -> {
                if (Types.raw(unwrap(type)) != List.class) {
                    throw problem(override, "value", valueColumn, "extend_list needs a list, but '" + path + "' is "
                            + Types.expected(type));
                }
                for (Element item : ((Element.ListValue) override.value()).items()) {
                    element(override, item, Types.argument(unwrap(type), 0), path + "[]", valueColumn);
                }
            }
            default -> value(override, type, path, valueColumn);
        }
    }

    private static void value(ConfigOverride override, Type type, String path, int column) {
        Class<?> raw = Types.raw(unwrap(type));
        boolean integral = raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class;
        switch (override.value()) {
            case ChoiceSweep choice -> choice.choices().forEach(c -> element(override, c, type, path, column));
            case RangeSweep range -> {
                if (integral && !range.isIntRange()) {
                    throw problem(override, "value", column, "'" + path + "' expects " + Types.expected(type)
                            + ", but a range with a float bound or step gives floats");
                }
                long size = range.size();
                if (size > 0) {
                    element(override, range.valueAt(0), type, path, column);
                    element(override, range.valueAt(size - 1), type, path, column);
                }
            }
            case IntervalSweep interval -> {
                if (integral && !interval.isIntInterval()) {
                    throw problem(override, "value", column, "'" + path + "' expects " + Types.expected(type)
                            + ", but interval(...) gives floats; use int(interval(...))");
                }
                element(override, interval.start(), type, path, column);
                element(override, interval.end(), type, path, column);
            }
            case GlobSweep glob -> throw problem(override, "value", column, "glob(...) selects options of a config"
                    + " group, but '" + path + "' is a value of type " + Types.expected(type));
            case Element element -> element(override, element, type, path, column);
            case null -> {
            }
        }
    }

    private static void element(ConfigOverride override, Element element, Type type, String path, int column) {
        ConfigValue node;
        try {
            node = ConfigValue.of(Overrides.plainValue(element));
        } catch (IllegalArgumentException e) {
            throw problem(override, "value", column, e.getMessage());
        }
        try {
            node(node, type, path);
        } catch (ConfigBindingException e) {
            throw problem(override, "value", column, e.problem());
        }
    }

    /** Like binding, but a map into a record or a map may be partial: it is merged into what is there. */
    private static void node(ConfigValue node, Type type, String path) {
        if (node instanceof MissingValue || Interpolator.needsResolution(node)) {
            return;
        }
        if (Types.isOptional(type) && node instanceof NullValue) {
            return;
        }
        Type target = unwrap(type);
        Class<?> raw = Types.raw(target);
        if (raw.isRecord() && node instanceof MapValue map) {
            map.entries().forEach((key, value) -> {
                RecordComponent component = component(raw, key);
                String child = RecordBinding.child(path, key);
                if (component == null) {
                    throw new ConfigBindingException(child, "record " + raw.getSimpleName(), "the key '" + key + "'",
                            "'" + child + "' is not a key of record " + raw.getSimpleName() + ". Known keys at '"
                                    + path + "': " + String.join(", ", Arrays.stream(raw.getRecordComponents())
                                    .map(RecordComponent::getName).toList()), "");
                }
                node(value, component.getGenericType(), child);
            });
        } else if (Types.isMap(raw) && node instanceof MapValue map) {
            map.entries().forEach((key, value) -> node(value, Types.argument(target, 1),
                    RecordBinding.child(path, key)));
        } else if (Types.isList(raw) && node instanceof ListValue list) {
            for (int i = 0; i < list.items().size(); i++) {
                node(list.items().get(i), Types.argument(target, 0), path + "[" + i + "]");
            }
        } else {
            Binder.bind(node, type, path, null);
        }
    }

    private static Type unwrap(Type type) {
        return Types.isOptional(type) ? Types.argument(type, 0) : type;
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    /** The segments of a dotted key; {@code a[0]} is {@code a.0}. */
    private static List<String> segments(String key) {
        return List.of(key.replaceAll("\\[([0-9]+)]", ".$1").split("\\."));
    }

    private static Problem problem(ConfigOverride override, String part, int column, String rule) {
        return new Problem("Override '" + override.input() + "' (" + part + " at column " + column + "): " + rule);
    }
}
