package dev.osprey.composer.bind;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.FloatValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.value.ConfigValue.StringValue;
import dev.osprey.composer.config.MissingValueException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records both ways: a map node into a record through its canonical constructor (so the record's own
 * validation runs), and a record instance into a config tree. A record may declare its defaults as a
 * static no-argument method {@code defaults()} returning the record; keys a config leaves out take
 * their value from there.
 */
final class RecordBinding {

    static final String DEFAULTS_METHOD = "defaults";

    private RecordBinding() {
    }

    /** The record {@code type} from {@code map}; {@code fallback} (an instance, or null) fills keys it lacks. */
    static Object bind(MapValue map, Class<?> type, String path, Object fallback) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (String key : map.entries().keySet()) {
            if (!names.contains(key)) {
                String child = child(path, key);
                throw new ConfigBindingException(child, "record " + type.getSimpleName(), "the key '" + key + "'",
                        "Unknown key '" + child + "': record " + type.getSimpleName() + " has no component '" + key
                                + "'. Known keys at '" + (path.isEmpty() ? "<root>" : path) + "': "
                                + String.join(", ", names),
                        "Remove or rename the key, or add the component to the record");
            }
        }
        Object defaults = fallback != null ? fallback : defaults(type).orElse(null);
        Object[] arguments = new Object[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameterTypes[i] = component.getType();
            String child = child(path, component.getName());
            Object defaultValue = defaults == null ? null : read(component, defaults);
            ConfigValue node = map.get(component.getName());
            if (node != null) {
                arguments[i] = Binder.bind(node, component.getGenericType(), child, defaultValue);
            } else if (defaults != null && defaultValue != null) {
                arguments[i] = defaultValue;
            } else if (Types.isOptional(component.getGenericType())) {
                arguments[i] = Optional.empty();
            } else if (defaults != null) {
                throw new MissingValueException(child);
            } else {
                String expected = Types.expected(component.getGenericType());
                throw new ConfigBindingException(child, expected, "nothing",
                        "Missing key '" + child + "' (" + expected + ") of record " + type.getSimpleName(),
                        "Add it to the config, make the component Optional, or give the record a static "
                                + DEFAULTS_METHOD + "() method");
            }
        }
        return construct(type, parameterTypes, arguments, path);
    }

    private static Object construct(Class<?> type, Class<?>[] parameterTypes, Object[] arguments, String path) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ConfigBindingException(path, "record " + type.getSimpleName(), "values it rejects",
                    "Record " + type.getSimpleName() + " at '" + (path.isEmpty() ? "<root>" : path)
                            + "' rejected its values: " + cause.getMessage(),
                    Binder.ADVICE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot construct record " + type.getName() + " (is its package open"
                    + " to the composer?): " + e, e);
        }
    }

    /** The record's {@code defaults()}, if it declares one. */
    static Optional<Object> defaults(Class<?> type) {
        Method method;
        try {
            method = type.getDeclaredMethod(DEFAULTS_METHOD);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != type) {
            throw new IllegalArgumentException("record " + type.getName() + " has a method " + DEFAULTS_METHOD
                    + "() that is not static or does not return " + type.getSimpleName());
        }
        try {
            method.setAccessible(true);
            return Optional.of(method.invoke(null));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + DEFAULTS_METHOD + "() failed: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot call " + type.getName() + "." + DEFAULTS_METHOD + "(): " + e, e);
        }
    }

    private static Object read(RecordComponent component, Object instance) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(instance);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + component + ": " + e, e);
        }
    }

    /**
     * A Java value as a config node: a record becomes a map of its components (a {@code null}
     * component becomes {@code ???}, a value that must be given), an empty Optional null, an enum its
     * name, a float its shortest decimal, collections lists and maps maps.
     */
    static ConfigValue toValue(Object value) {
        return switch (value) {
            case null -> MissingValue.INSTANCE;
            case Record record -> {
                Map<String, ConfigValue> entries = new LinkedHashMap<>();
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    entries.put(component.getName(), toValue(read(component, record)));
                }
                yield new MapValue(entries);
            }
            case Optional<?> optional -> optional.map(RecordBinding::toValue).orElse(NullValue.INSTANCE);
            case Enum<?> e -> new StringValue(e.name());
            case Float f -> new FloatValue(Float.isFinite(f) ? new BigDecimal(Float.toString(f)).doubleValue() : f);
            case Collection<?> items -> {
                List<ConfigValue> out = new ArrayList<>();
                items.forEach(item -> out.add(item == null ? NullValue.INSTANCE : toValue(item)));
                yield new ListValue(out);
            }
            case Map<?, ?> map -> {
                Map<String, ConfigValue> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(String.valueOf(k), v == null ? NullValue.INSTANCE : toValue(v)));
                yield new MapValue(entries);
            }
            default -> ConfigValue.of(value);
        };
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
