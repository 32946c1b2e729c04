package dev.osprey.dashboard.plot;

import java.util.List;
import java.util.Objects;

/**
 * What a chart draws. Coordinates are in axis units: numbers, category positions, or epoch
 * milliseconds; arrays keep 100,000 points cheap.
 */
public sealed interface Series {

    /** The legend's name. */
    String name();

    /**
     * Point marks.
     *
     * @param trials the trial number of each point (for hover and links)
     * @param shade  per point, 0 (light) to 1 (dark) on the Blues scale; empty for the plain colour
     * @param color  the plain colour, as #rrggbb
     */
    record Points(String name, double[] x, double[] y, int[] trials, double[] shade, String color) implements Series {
        public Points {
            Objects.requireNonNull(name, "name");
            if (y.length != x.length || trials.length != x.length || (shade.length != 0 && shade.length != x.length)) {
                throw new IllegalArgumentException("points '" + name + "' need as many y, trial numbers and shades"
                        + " as x values, but got x=" + x.length + ", y=" + y.length + ", trials=" + trials.length
                        + ", shade=" + shade.length);
            }
        }
    }

    /**
     * A line through points in order.
     *
     * @param step whether it moves horizontally then vertically (a running best)
     */
    record Line(String name, double[] x, double[] y, String color, boolean step) implements Series {
        public Line {
            Objects.requireNonNull(name, "name");
            if (y.length != x.length) {
                throw new IllegalArgumentException("line '" + name + "' needs as many y as x values, but got x="
                        + x.length + ", y=" + y.length);
            }
        }
    }

    /** Horizontal bars, one per label, on a category y axis; the first label is drawn at the top. */
    record Bars(String name, List<String> labels, double[] values, String color) implements Series {
        public Bars {
            labels = List.copyOf(labels);
            if (values.length != labels.size()) {
                throw new IllegalArgumentException("bars '" + name + "' need one value per label, but got "
                        + values.length + " values for " + labels.size() + " labels");
            }
        }
    }

    /** A grid of values: {@code z[i][j]} at ({@code x[j]}, {@code y[i]}), drawn as coloured cells. */
    record Heatmap(String name, double[] x, double[] y, double[][] z, boolean lowIsDark) implements Series {
        public Heatmap {
            if (z.length != y.length) {
                throw new IllegalArgumentException("heatmap needs one row per y value, but got " + z.length
                        + " rows for " + y.length + " values");
            }
            for (double[] row : z) {
                if (row.length != x.length) {
                    throw new IllegalArgumentException("heatmap rows need one value per x value (" + x.length
                            + "), but a row has " + row.length);
                }
            }
        }
    }

    /** Horizontal spans from {@code start} to {@code end} on row {@code row} (a category position). */
    record Spans(String name, double[] row, double[] start, double[] end, int[] trials, String color) implements Series {
        public Spans {
            if (start.length != row.length || end.length != row.length || trials.length != row.length) {
                throw new IllegalArgumentException("spans '" + name + "' need a start, end and trial per row");
            }
        }
    }

    /**
     * Parallel coordinates: one polyline per row across {@code axes}.
     *
     * @param rows  per trial, one value per axis (category positions on category axes)
     * @param shade per row, 0 (light) to 1 (dark)
     */
    record Parallel(String name, List<Axis> axes, double[][] rows, int[] trials, double[] shade) implements Series {
        public Parallel {
            axes = List.copyOf(axes);
            for (double[] row : rows) {
                if (row.length != axes.size()) {
                    throw new IllegalArgumentException("each parallel-coordinate row needs one value per axis ("
                            + axes.size() + "), but one has " + row.length);
                }
            }
            if (trials.length != rows.length || shade.length != rows.length) {
                throw new IllegalArgumentException("parallel coordinates need a trial and a shade per row");
            }
        }
    }
}
