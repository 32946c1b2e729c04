package dev.osprey.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured figure of a suite, as written to {@code SUITE.json}: an ordered map of keys
 * (system, identifying keys, metric) and values (median, q25, q75, counts).
 */
final class Row {

    private Row() {
    }

    /** A row from alternating keys and values; null values are left out. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                row.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(row);
    }

    /** Adds median, q25 and q75 of {@code xs} (and the count under {@code countKey}) to a row. */
    static Map<String, Object> withQuartiles(Map<String, Object> row, double[] xs, String countKey) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.put("median", Stats.median(xs));
        out.put("q25", Stats.percentile(xs, 25));
        out.put("q75", Stats.percentile(xs, 75));
        out.put(countKey, xs.length);
        return Collections.unmodifiableMap(out);
    }

    static String str(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? null : v.toString();
    }

    static double num(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static boolean is(Map<String, Object> row, String key, Object value) {
        Object v = row.get(key);
        if (v instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return v != null && v.toString().equals(String.valueOf(value));
    }
}
