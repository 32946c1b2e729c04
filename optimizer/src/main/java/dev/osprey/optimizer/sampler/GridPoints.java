package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.space.PlainValues;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The points of a grid in the order they are run, and how workers name them when they claim one.
 *
 * <p>A claim names a point by its rank among the grid's points sorted by their canonical text,
 * under a key digested from those sorted texts: workers that list the same points in different
 * orders (overrides given in another order) share their claims, and grids that differ in any
 * name, value or value type never do.
 */
final class GridPoints {

    private final List<Map<String, Object>> points;
    private final int[] claimIndexOfPoint;
    private final int[] pointOfClaimIndex;
    private final Set<String> names;
    private final String key;

    GridPoints(List<? extends Map<String, ?>> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one point");
        }
        List<Map<String, Object>> normalized = new ArrayList<>(points.size());
        Set<String> allNames = new LinkedHashSet<>();
        // a point may give no parameter: a multirun without sweeps is a grid of one such point
        for (Map<String, ?> point : points) {
            Map<String, Object> copy = new LinkedHashMap<>();
            point.forEach((name, value) -> {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("grid point " + normalized.size() + " has a parameter"
                            + " without a name: " + point);
                }
                copy.put(name, PlainValues.normalize(value));
            });
            normalized.add(Collections.unmodifiableMap(copy));
            allNames.addAll(copy.keySet());
        }
        this.points = List.copyOf(normalized);
        this.names = Collections.unmodifiableSet(allNames);
        List<String> texts = this.points.stream().map(GridPoints::canonical).toList();
        // a stable sort: copies of one point keep their order, so the k-th copy has the same rank everywhere
        List<Integer> byText = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            byText.add(i);
        }
        byText.sort(Comparator.comparing(texts::get));
        this.claimIndexOfPoint = new int[texts.size()];
        this.pointOfClaimIndex = new int[texts.size()];
        StringBuilder sorted = new StringBuilder();
        for (int rank = 0; rank < byText.size(); rank++) {
            int point = byText.get(rank);
            claimIndexOfPoint[point] = rank;
            pointOfClaimIndex[rank] = point;
            String text = texts.get(point);
            sorted.append(text.length()).append(':').append(text);
        }
        this.key = digest(sorted.toString());
    }

    /**
     * The Cartesian product of each parameter's values, the first parameter varying slowest (as
     * Hydra's basic sweeper and {@code itertools.product} do). Parameters follow the map's order
     * when it has one (a {@link SequencedMap} such as {@link LinkedHashMap} or {@link TreeMap}),
     * else their names' order, so that every worker enumerates the same grid.
     */
    static GridPoints product(Map<String, ? extends List<?>> space) {
        if (space.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one parameter");
        }
        Map<String, ? extends List<?>> ordered = space instanceof SequencedMap<String, ? extends List<?>>
                ? space : new TreeMap<>(space);
        long size = 1;
        for (Map.Entry<String, ? extends List<?>> axis : ordered.entrySet()) {
            if (axis.getValue().isEmpty()) {
                throw new IllegalArgumentException("grid parameter '" + axis.getKey() + "' has no values");
            }
            size *= axis.getValue().size();
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a grid holds at most " + Integer.MAX_VALUE + " points, but "
                        + ordered.keySet() + " give more; split it or sample it instead");
            }
        }
        List<Map<String, Object>> points = new ArrayList<>((int) size);
        points.add(Map.of());
        for (Map.Entry<String, ? extends List<?>> axis : ordered.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>(points.size() * axis.getValue().size());
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return new GridPoints(points);
    }

    /** The points, in the order they are run. */
    List<Map<String, Object>> points() {
        return points;
    }

    int size() {
        return points.size();
    }

    /** Every parameter name that some point gives a value. */
    Set<String> names() {
        return names;
    }

    /** The key under which workers claim this grid's points (on a first attempt; see {@link GridPass}). */
    String key() {
        return key;
    }

    /** The index under which point {@code point} (its position in run order) is claimed. */
    int claimIndex(int point) {
        return claimIndexOfPoint[point];
    }

    /** The point (its position in run order) that a claim index names. */
    Map<String, Object> pointOfClaim(int claimIndex) {
        return points.get(pointOfClaimIndex[claimIndex]);
    }

    /** Grids are equal when they hold the same points in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof GridPoints grid && grid.points.equals(points);
    }

    @Override
    public int hashCode() {
        return points.hashCode();
    }

    @Override
    public String toString() {
        return "grid " + key + " of " + points.size() + " point(s) over " + names;
    }

    /** A text that differs whenever two points differ in a name, a value or a value's type. */
    private static String canonical(Map<String, Object> point) {
        return canonical((Object) new TreeMap<>(point));
    }

    private static String canonical(Object value) {
        return switch (value) {
            case null -> "n";
            case String s -> "s" + s.length() + ":" + s;
            case Boolean b -> "b" + b;
            case Long l -> "i" + l;
            case Double d -> "d" + d;
            case List<?> list -> {
                StringBuilder out = new StringBuilder("l" + list.size() + "[");
                list.forEach(v -> out.append(canonical(v)));
                yield out.append(']').toString();
            }
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("m" + map.size() + "{");
                new TreeMap<>(map).forEach((k, v) -> out.append(canonical(k)).append(canonical(v)));
                yield out.append('}').toString();
            }
            default -> throw new IllegalArgumentException("not a plain value: " + value);
        };
    }

    /** 64 bits of SHA-256: grids that differ never share claims in practice. */
    private static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
