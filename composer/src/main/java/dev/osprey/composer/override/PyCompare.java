package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.Entry;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.StringValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's {@code ==}, {@code <} and {@code sorted} over elements, which {@code sort(...)} and
 * dict keys rely on: numbers (ints, floats, bools) compare by value, strings by code point, lists
 * lexicographically; any other pair fails with Python's
 * {@code '<' not supported between instances of 'X' and 'Y'}. Sorting compares pairs in the order
 * CPython's list sort does for short lists, so a mixed list fails on the same pair.
 */
final class PyCompare {

    private PyCompare() {
    }

    static boolean equal(Element a, Element b) {
        BigDecimal x = exactNumber(a);
        BigDecimal y = exactNumber(b);
        if (isNumber(a) && isNumber(b)) {
            if (x == null || y == null) {
                return a.equals(b) && !(a instanceof FloatValue f && Double.isNaN(f.value()));
            }
            return x.compareTo(y) == 0;
        }
        if (text(a) != null && text(b) != null) {
            return text(a).equals(text(b));
        }
        if (a instanceof ListValue l && b instanceof ListValue m) {
            if (l.items().size() != m.items().size()) {
                return false;
            }
            for (int i = 0; i < l.items().size(); i++) {
                if (!equal(l.items().get(i), m.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof DictValue d && b instanceof DictValue e) {
            return d.entries().size() == e.entries().size() && d.entries().stream().allMatch(entry ->
                    e.entries().stream().anyMatch(o -> equal(entry.key(), o.key()) && equal(entry.value(), o.value())));
        }
        return a.equals(b);
    }

    /** Python's {@code a < b}. */
    static boolean less(Element a, Element b) {
        if (isNumber(a) && isNumber(b)) {
            double da = a instanceof BoolValue bool ? (bool.value() ? 1 : 0) : ((Element.NumberValue) a).doubleValue();
            double db = b instanceof BoolValue bool ? (bool.value() ? 1 : 0) : ((Element.NumberValue) b).doubleValue();
            BigDecimal x = exactNumber(a);
            BigDecimal y = exactNumber(b);
            return x != null && y != null ? x.compareTo(y) < 0 : da < db;
        }
        if (text(a) != null && text(b) != null) {
            return compareCodePoints(text(a), text(b)) < 0;
        }
        if (a instanceof ListValue l && b instanceof ListValue m) {
            int n = Math.min(l.items().size(), m.items().size());
            for (int i = 0; i < n; i++) {
                if (!equal(l.items().get(i), m.items().get(i))) {
                    return less(l.items().get(i), m.items().get(i));
                }
            }
            return l.items().size() < m.items().size();
        }
        throw PyError.typeError("'<' not supported between instances of '" + PyFormat.typeName(a) + "' and '"
                + PyFormat.typeName(b) + "'");
    }

    /** Python's {@code sorted(items, reverse=reverse)}: stable, and stable in reverse too. */
    static List<Element> sorted(List<Element> items, boolean reverse) {
        List<Element> list = new ArrayList<>(items);
        if (reverse) {
            Collections.reverse(list);
        }
        int n = list.size();
        if (n > 1) {
            int run = 2;
            if (less(list.get(1), list.get(0))) {
                while (run < n && less(list.get(run), list.get(run - 1))) {
                    run++;
                }
                Collections.reverse(list.subList(0, run));
            } else {
                while (run < n && !less(list.get(run), list.get(run - 1))) {
                    run++;
                }
            }
            for (int start = run; start < n; start++) {
                Element pivot = list.get(start);
                int lo = 0;
                int hi = start;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (less(pivot, list.get(mid))) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                list.remove(start);
                list.add(lo, pivot);
            }
        }
        if (reverse) {
            Collections.reverse(list);
        }
        return list;
    }

    /** Finds the entry whose key equals {@code key} in Python's sense (so {@code 1}, {@code 1.0} and {@code true} collide). */
    static int indexOfKey(List<Entry> entries, Element key) {
        for (int i = 0; i < entries.size(); i++) {
            if (equal(entries.get(i).key(), key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNumber(Element e) {
        return e instanceof IntValue || e instanceof FloatValue || e instanceof BoolValue;
    }

    /** The exact value of a number, or null for a non-finite float or a non-number. */
    private static BigDecimal exactNumber(Element e) {
        return switch (e) {
            case IntValue i -> new BigDecimal(i.value());
            case BoolValue b -> b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
            case FloatValue f -> Double.isFinite(f.value()) ? new BigDecimal(f.value()) : null;
            default -> null;
        };
    }

    private static String text(Element e) {
        return switch (e) {
            case StringValue s -> s.text();
            case Interpolation i -> i.text();
            default -> null;
        };
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
