package dev.osprey.composer.bind;

import dev.osprey.composer.value.ConfigValue;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reflection helpers: the raw class and the type arguments of a component type, and names for messages. */
final class Types {

    private Types() {
    }

    /** The class of {@code type} ({@code List} for {@code List<String>}, the bound of a wildcard). */
    static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> raw(p.getRawType());
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            case TypeVariable<?> v -> raw(v.getBounds()[0]);
            case GenericArrayType a -> Object[].class;
            default -> throw new IllegalArgumentException("unsupported type " + type);
        };
    }

    /** Type argument {@code index} of {@code type}; {@code Object} for a raw type. */
    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[index];
            return arg instanceof WildcardType w ? w.getUpperBounds()[0] : arg;
        }
        return Object.class;
    }

    static boolean isOptional(Type type) {
        return raw(type) == Optional.class;
    }

    /** The type as written in Java, without packages: {@code int}, {@code List<String>}, {@code Optional<Db>}. */
    static String name(Type type) {
        return switch (type) {
            case Class<?> c when c.isArray() -> name(c.getComponentType()) + "[]";
            case Class<?> c -> c.getSimpleName();
            case ParameterizedType p -> name(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
                    .map(Types::name).collect(Collectors.joining(", ", "<", ">"));
            case WildcardType w -> "?";
            default -> type.getTypeName();
        };
    }

    /** The expected type for messages, with the constants of an enum: {@code Color (one of RED, GREEN)}. */
    static String expected(Type type) {
        Class<?> raw = raw(type);
        if (raw.isEnum()) {
            return name(type) + " (one of " + Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (raw.isRecord()) {
            return "record " + name(type);
        }
        return name(type);
    }

    /** A node in words: {@code the string 'ten'}, {@code the float 3.5}, {@code a map with keys [a, b]}. */
    static String describe(ConfigValue node) {
        return switch (node) {
            case ConfigValue.StringValue s -> "the string '" + s.value() + "'";
            case ConfigValue.IntValue i -> "the int " + i.value();
            case ConfigValue.FloatValue f -> "the float " + f.value();
            case ConfigValue.BoolValue b -> "the boolean " + b.value();
            case ConfigValue.NullValue n -> "null";
            case ConfigValue.MissingValue m -> "the missing value ???";
            case ConfigValue.MapValue m -> "a map with keys " + m.entries().keySet();
            case ConfigValue.ListValue l -> "a list of " + l.items().size() + " items";
        };
    }

    /** Whether binding {@code raw} takes a list. */
    static boolean isList(Class<?> raw) {
        return raw == List.class || raw == Set.class || raw == Iterable.class || raw == java.util.Collection.class;
    }

    static boolean isMap(Class<?> raw) {
        return raw == Map.class;
    }
}
