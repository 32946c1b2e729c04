package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Grids that cover a search space: a few values of each distribution, both ends included. */
final class GridValues {

    private GridValues() {
    }

    /** A grid with up to {@code perAxis} values of each parameter of {@code space} (every choice of a categorical). */
    static Map<String, List<Object>> covering(Map<String, Distribution> space, int perAxis) {
        Map<String, List<Object>> grid = new TreeMap<>();
        space.forEach((name, d) -> grid.put(name, valuesOf(d, perAxis)));
        return grid;
    }

    /** The number of points of such a grid. */
    static int size(Map<String, List<Object>> grid) {
        return grid.values().stream().mapToInt(List::size).reduce(1, Math::multiplyExact);
    }

    static List<Object> valuesOf(Distribution distribution, int perAxis) {
        Set<Object> values = new LinkedHashSet<>();
        switch (distribution) {
            case FloatDistribution f -> {
                if (f.step() != null) {
                    long points = Math.round((f.high() - f.low()) / f.step());
                    for (long k : spread(points, perAxis)) {
                        values.add(Math.min(f.low() + k * f.step(), f.high()));
                    }
                } else {
                    for (int j = 0; j < perAxis; j++) {
                        values.add(floatAt(f, j, perAxis));
                    }
                }
            }
            case IntDistribution i -> {
                for (long k : spread(((long) i.high() - i.low()) / i.step(), perAxis)) {
                    values.add((int) (i.low() + k * i.step()));
                }
            }
            case CategoricalDistribution c -> values.addAll(c.choices());
        }
        return new ArrayList<>(values);
    }

    /** The j-th of n values spread over [low, high] (geometrically if log), both ends exact. */
    private static double floatAt(FloatDistribution f, int j, int n) {
        if (j == 0 || f.low() == f.high()) {
            return f.low();
        }
        if (j == n - 1) {
            return f.high();
        }
        double t = (double) j / (n - 1);
        double v = f.log()
                ? Math.exp(Math.log(f.low()) + t * (Math.log(f.high()) - Math.log(f.low())))
                : (1 - t) * f.low() + t * f.high();
        return Math.min(Math.max(v, f.low()), f.high());
    }

    /** Up to {@code n} indices spread over {@code 0..last}, both ends included. */
    private static long[] spread(long last, int n) {
        int count = (int) Math.min(n, last + 1);
        long[] out = new long[count];
        for (int j = 0; j < count; j++) {
            out[j] = count == 1 ? 0 : Math.round((double) j * last / (count - 1));
        }
        return out;
    }
}
