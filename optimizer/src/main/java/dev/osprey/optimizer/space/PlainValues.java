package dev.osprey.optimizer.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a study stores as parameters' choices and as attributes: {@code null}, booleans,
 * strings, {@code Long} for integral numbers (a larger {@code BigInteger} becomes the nearest
 * {@code Double}), {@code Double} for the others, and lists and maps
 * (with string keys) of these. Any storage can keep them, and they compare equal after a round
 * trip through one.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /**
     * The plain form of {@code value}: integral numbers become {@code Long}, other numbers
     * {@code Double}, lists and maps unmodifiable copies.
     *
     * @throws IllegalArgumentException if the value (or a part of it) is of another type
     */
    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof java.math.BigInteger big) {
            // an integer a JSON text held that a long cannot: kept as near as a double can
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException("map keys of a stored value must be strings, but got " + k);
                }
                copy.put(key, normalize(v));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(normalize(v)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("value of type " + value.getClass().getName()
                + " cannot be stored; use a string, number, boolean, null, list or map");
    }
}
