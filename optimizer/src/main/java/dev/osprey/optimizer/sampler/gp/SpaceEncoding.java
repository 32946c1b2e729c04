package dev.osprey.optimizer.sampler.gp;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Maps the internal values of a search space to the GP's inputs and back, as Optuna's GP does:
 * a numeric parameter to {@code [0, 1]} over {@code [low - step/2, high + step/2]} (in
 * {@code log} for log ranges), a categorical one to its choice index (the kernel compares choices
 * by equality). Integer and stepped parameters keep the grid of their admissible encoded values,
 * so the acquisition search moves between grid points.
 */
final class SpaceEncoding {

    /** Above this many grid points a discrete parameter is searched as continuous and snapped when decoded. */
    static final int MAX_GRID = 4096;

    enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

    private final List<String> names;
    private final Distribution[] distributions;
    private final Kind[] kinds;
    private final double[] lo;
    private final double[] hi;
    private final boolean[] log;
    private final double[][] grids;
    private final int[] choices;

    SpaceEncoding(Map<String, Distribution> space) {
        this.names = List.copyOf(space.keySet());
        int d = names.size();
        distributions = space.values().toArray(Distribution[]::new);
        kinds = new Kind[d];
        lo = new double[d];
        hi = new double[d];
        log = new boolean[d];
        grids = new double[d][];
        choices = new int[d];
        for (int i = 0; i < d; i++) {
            switch (distributions[i]) {
                case FloatDistribution f -> numeric(i, f.low(), f.high(), f.step() == null ? 0 : f.step(), f.log());
                case IntDistribution n -> numeric(i, n.low(), n.high(), n.step(), n.log());
                case CategoricalDistribution c -> {
                    kinds[i] = Kind.CATEGORICAL;
                    choices[i] = c.choices().size();
                }
            }
        }
    }

    private void numeric(int i, double low, double high, double step, boolean logScale) {
        log[i] = logScale;
        double a = low - step / 2;
        double b = high + step / 2;
        if (logScale) {
            // a log int range starts at 1, so low - 1/2 stays positive
            a = Math.log(a);
            b = Math.log(b);
        }
        lo[i] = a;
        hi[i] = b;
        kinds[i] = Kind.CONTINUOUS;
        if (step > 0) {
            double count = Math.floor((high - low) / step + 0.5) + 1;
            if (count <= MAX_GRID) {
                kinds[i] = Kind.DISCRETE;
                double[] grid = new double[(int) count];
                for (int k = 0; k < grid.length; k++) {
                    grid[k] = encodeNumeric(i, Math.min(low + k * step, high));
                }
                grids[i] = grid;
            }
        }
    }

    List<String> names() {
        return names;
    }

    int dimensions() {
        return names.size();
    }

    Kind kind(int i) {
        return kinds[i];
    }

    /** For categorical dimensions, their number of choices, else 0. */
    int choices(int i) {
        return choices[i];
    }

    /** The sorted encoded grid of a discrete dimension, or null. */
    double[] grid(int i) {
        return grids[i];
    }

    /** Whether each dimension is categorical, for the kernel. */
    boolean[] categoricalMask() {
        boolean[] mask = new boolean[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            mask[i] = kinds[i] == Kind.CATEGORICAL;
        }
        return mask;
    }

    /** The GP input of a point given by its internal values, one per dimension. */
    double[] encode(double[] internal) {
        double[] x = new double[internal.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = kinds[i] == Kind.CATEGORICAL ? internal[i] : encodeNumeric(i, internal[i]);
        }
        return x;
    }

    private double encodeNumeric(int i, double value) {
        double v = log[i] ? Math.log(value) : value;
        double range = hi[i] - lo[i];
        return range > 0 ? Math.min(Math.max((v - lo[i]) / range, 0), 1) : 0.5;
    }

    /** The internal values of a GP input, each inside its distribution. */
    double[] decode(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = switch (distributions[i]) {
                case CategoricalDistribution c -> Math.min(Math.max(Math.rint(x[i]), 0), choices[i] - 1);
                case FloatDistribution f -> {
                    double v = clip(inverse(i, x[i]), f.low(), f.high());
                    yield f.step() == null ? v : snap(v, f.low(), f.high(), f.step());
                }
                case IntDistribution n -> snap(clip(inverse(i, x[i]), n.low(), n.high()), n.low(), n.high(), n.step());
            };
        }
        return out;
    }

    private double inverse(int i, double u) {
        double v = u * (hi[i] - lo[i]) + lo[i];
        return log[i] ? Math.exp(v) : v;
    }

    private static double clip(double v, double low, double high) {
        return Math.min(Math.max(v, low), high);
    }

    private static double snap(double v, double low, double high, double step) {
        return clip(low + Math.rint((v - low) / step) * step, low, high);
    }

    /** Moves the discrete and categorical coordinates of {@code x} onto admissible values, in place. */
    void roundInPlace(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (kinds[i] == Kind.DISCRETE) {
                x[i] = nearest(grids[i], x[i]);
            } else if (kinds[i] == Kind.CATEGORICAL) {
                x[i] = Math.min(Math.max(Math.rint(x[i]), 0), choices[i] - 1);
            }
        }
    }

    /** Maps a point of the unit cube to an admissible GP input (a categorical gets {@code floor(u·C)}). */
    double[] fromUnitCube(double[] u) {
        double[] x = u.clone();
        for (int i = 0; i < x.length; i++) {
            if (kinds[i] == Kind.CATEGORICAL) {
                x[i] = Math.min(Math.floor(u[i] * choices[i]), choices[i] - 1);
            } else if (kinds[i] == Kind.DISCRETE) {
                x[i] = nearest(grids[i], u[i]);
            }
        }
        return x;
    }

    /** The grid value nearest to {@code v}. */
    static double nearest(double[] grid, double v) {
        int k = Arrays.binarySearch(grid, v);
        if (k >= 0) {
            return grid[k];
        }
        int hiIdx = -k - 1;
        if (hiIdx == 0) {
            return grid[0];
        }
        if (hiIdx == grid.length) {
            return grid[grid.length - 1];
        }
        return v - grid[hiIdx - 1] <= grid[hiIdx] - v ? grid[hiIdx - 1] : grid[hiIdx];
    }

    /** The indices of the continuous dimensions (those searched by the quasi-Newton step). */
    int[] continuousDimensions() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == Kind.CONTINUOUS) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
