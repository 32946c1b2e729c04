package dev.osprey.dashboard.internal.render;

import dev.osprey.dashboard.plot.Axis;
import dev.osprey.dashboard.plot.Scale;
import dev.osprey.dashboard.plot.Series;

/** Paints parallel coordinates: a vertical axis per column, each trial a polyline across them. */
final class ParallelPainter {

    private final Canvas canvas;

    ParallelPainter(Canvas canvas) {
        this.canvas = canvas;
    }

    void paint(Series.Parallel parallel, double left, double top, double right, double bottom) {
        int columns = parallel.axes().size();
        AxisMap[] maps = new AxisMap[columns];
        double[] xs = new double[columns];
        for (int c = 0; c < columns; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : parallel.rows()) {
                min = Math.min(min, row[c]);
                max = Math.max(max, row[c]);
            }
            Axis axis = parallel.axes().get(c);
            // values on a log parameter's axis are already log10: they are drawn linearly
            Axis drawn = axis.scale() == Scale.LOG ? Axis.linear(axis.label()) : axis;
            maps[c] = new AxisMap(drawn, min, max, bottom, top);
            xs[c] = columns == 1 ? (left + right) / 2 : left + (right - left) * c / (columns - 1);
        }
        for (int r = 0; r < parallel.rows().length; r++) {
            double[] ys = new double[columns];
            for (int c = 0; c < columns; c++) {
                ys[c] = maps[c].pixel(parallel.rows()[r][c]);
            }
            canvas.polyline(xs, ys, Blues.at(0.2 + 0.8 * parallel.shade()[r]), 1, 0.6);
        }
        for (int c = 0; c < columns; c++) {
            canvas.line(xs[c], top, xs[c], bottom, "#444444", 1);
            for (AxisMap.Tick tick : maps[c].ticks()) {
                canvas.text(xs[c] + 3, tick.pixel() + 3, tick.label(), 9, "start", false);
            }
            canvas.text(xs[c], bottom + 20, parallel.axes().get(c).label(), 11, "middle", false);
        }
    }
}
