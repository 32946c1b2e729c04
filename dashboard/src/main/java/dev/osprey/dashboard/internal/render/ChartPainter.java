package dev.osprey.dashboard.internal.render;

import dev.osprey.dashboard.plot.Axis;
import dev.osprey.dashboard.plot.Chart;
import dev.osprey.dashboard.plot.Series;

import java.util.List;

/** Paints one chart into a box of a canvas: title, axes with ticks, then each series. */
final class ChartPainter {

    private static final double LEFT = 80;
    private static final double RIGHT = 20;
    private static final double TOP = 40;
    private static final double BOTTOM = 50;

    private final Canvas canvas;

    ChartPainter(Canvas canvas) {
        this.canvas = canvas;
    }

    void paint(Chart chart, double x0, double y0, double width, double height) {
        canvas.text(x0 + width / 2, y0 + 22, chart.title(), 15, "middle", false);
        double left = x0 + LEFT;
        double right = x0 + width - RIGHT;
        double top = y0 + TOP;
        double bottom = y0 + height - BOTTOM;
        if (chart.series().isEmpty()) {
            canvas.text(x0 + width / 2, y0 + height / 2, chart.notes().isEmpty() ? "nothing to plot" : chart.notes().get(0),
                    12, "middle", false);
            return;
        }
        if (chart.series().get(0) instanceof Series.Parallel parallel) {
            new ParallelPainter(canvas).paint(parallel, left, top, right, bottom);
            return;
        }
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series series : chart.series()) {
            switch (series) {
                case Series.Points p -> {
                    extend(xr, chart.x(), p.x());
                    extend(yr, chart.y(), p.y());
                }
                case Series.Line l -> {
                    extend(xr, chart.x(), l.x());
                    extend(yr, chart.y(), l.y());
                }
                case Series.Heatmap h -> {
                    extend(xr, chart.x(), h.x());
                    extend(yr, chart.y(), h.y());
                }
                case Series.Spans s -> {
                    extend(xr, chart.x(), s.start());
                    extend(xr, chart.x(), s.end());
                }
                case Series.Bars b -> {
                    extend(xr, chart.x(), b.values());
                    extend(xr, chart.x(), new double[] {0});
                }
                case Series.Parallel ignored -> {
                }
            }
        }
        AxisMap xs = new AxisMap(chart.x(), xr[0], xr[1], left, right);
        AxisMap ys = new AxisMap(chart.y(), yr[0], yr[1], bottom, top);
        canvas.line(left, bottom, right, bottom, "#444444", 1);
        canvas.line(left, top, left, bottom, "#444444", 1);
        for (AxisMap.Tick tick : xs.ticks()) {
            canvas.line(tick.pixel(), bottom, tick.pixel(), bottom + 4, "#444444", 1);
            canvas.text(tick.pixel(), bottom + 16, tick.label(), 10, "middle", false);
        }
        for (AxisMap.Tick tick : ys.ticks()) {
            canvas.line(left - 4, tick.pixel(), left, tick.pixel(), "#444444", 1);
            canvas.text(left - 6, tick.pixel() + 3, tick.label(), 10, "end", false);
        }
        canvas.text((left + right) / 2, bottom + 38, chart.x().label(), 12, "middle", false);
        canvas.text(x0 + 14, (top + bottom) / 2, chart.y().label(), 12, "middle", true);
        for (Series series : chart.series()) {
            draw(series, xs, ys);
        }
    }

    private void draw(Series series, AxisMap xs, AxisMap ys) {
        switch (series) {
            case Series.Heatmap h -> heatmap(h, xs, ys);
            case Series.Points p -> {
                for (int i = 0; i < p.x().length; i++) {
                    String fill = p.shade().length == 0 ? p.color() : Blues.at(0.25 + 0.75 * p.shade()[i]);
                    canvas.point(xs.pixel(p.x()[i]), ys.pixel(p.y()[i]), 3, fill);
                }
            }
            case Series.Line l -> {
                int n = l.x().length;
                int m = l.step() ? Math.max(2 * n - 1, 0) : n;
                double[] px = new double[m];
                double[] py = new double[m];
                for (int i = 0, k = 0; i < n; i++) {
                    if (l.step() && i > 0) {
                        px[k] = xs.pixel(l.x()[i]);
                        py[k++] = ys.pixel(l.y()[i - 1]);
                    }
                    px[k] = xs.pixel(l.x()[i]);
                    py[k++] = ys.pixel(l.y()[i]);
                }
                if (n == 1) {
                    // a line of one value, such as a trial pruned at its first report, would not show
                    canvas.point(px[0], py[0], 2.5, l.color());
                } else {
                    canvas.polyline(px, py, l.color(), 1.5, 1);
                }
            }
            case Series.Spans s -> {
                double half = ys.unit() * 0.35;
                for (int i = 0; i < s.row().length; i++) {
                    double a = xs.pixel(s.start()[i]);
                    double b = xs.pixel(s.end()[i]);
                    canvas.rect(a, ys.pixel(s.row()[i]) - half, Math.max(b - a, 1), 2 * half, s.color());
                }
            }
            case Series.Bars b -> {
                double half = ys.unit() * 0.35;
                for (int i = 0; i < b.values().length; i++) {
                    double a = xs.pixel(0);
                    double y = ys.pixel(i);
                    canvas.rect(a, y - half, Math.max(xs.pixel(b.values()[i]) - a, 1), 2 * half, b.color());
                    canvas.text(xs.pixel(b.values()[i]) + 4, y + 4, b.values()[i] < 0.01 ? "<0.01"
                            : String.format(java.util.Locale.ROOT, "%.2f", b.values()[i]), 10, "start", false);
                }
            }
            case Series.Parallel ignored -> {
            }
        }
    }

    private void heatmap(Series.Heatmap h, AxisMap xs, AxisMap ys) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : h.z()) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] xEdges = edges(h.x(), xs);
        double[] yEdges = edges(h.y(), ys);
        for (int i = 0; i < h.y().length; i++) {
            for (int j = 0; j < h.x().length; j++) {
                double t = max == min ? 0.5 : (h.z()[i][j] - min) / (max - min);
                String fill = Blues.at(h.lowIsDark() ? 1 - t : t);
                double x = Math.min(xEdges[j], xEdges[j + 1]);
                double y = Math.min(yEdges[i], yEdges[i + 1]);
                canvas.rect(x, y, Math.abs(xEdges[j + 1] - xEdges[j]) + 0.5, Math.abs(yEdges[i + 1] - yEdges[i]) + 0.5, fill);
            }
        }
    }

    /** The pixel edges of cells centred on the grid points. */
    private static double[] edges(double[] grid, AxisMap map) {
        double[] px = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            px[i] = map.pixel(grid[i]);
        }
        double[] out = new double[grid.length + 1];
        out[0] = px[0] - (grid.length > 1 ? (px[1] - px[0]) / 2 : 5);
        for (int i = 1; i < grid.length; i++) {
            out[i] = (px[i - 1] + px[i]) / 2;
        }
        out[grid.length] = px[grid.length - 1] + (grid.length > 1 ? (px[grid.length - 1] - px[grid.length - 2]) / 2 : 5);
        return out;
    }

    private static void extend(double[] range, Axis axis, double[] values) {
        for (double v : values) {
            double m = AxisMap.measure(axis, v);
            if (Double.isFinite(m)) {
                range[0] = Math.min(range[0], m);
                range[1] = Math.max(range[1], m);
            }
        }
    }

    static List<Chart> nonEmpty(List<Chart> charts) {
        return charts.isEmpty() ? List.of(Chart.empty("", "nothing to plot")) : charts;
    }
}
