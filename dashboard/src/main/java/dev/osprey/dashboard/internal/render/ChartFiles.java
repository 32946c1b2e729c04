package dev.osprey.dashboard.internal.render;

import dev.osprey.dashboard.plot.Chart;

import java.awt.image.BufferedImage;
import java.util.List;

/** Lays charts out in a grid (one row for up to three) and draws them as SVG text or a PNG image. */
public final class ChartFiles {

    private ChartFiles() {
    }

    public static String svg(List<Chart> charts, int width, int height) {
        SvgCanvas canvas = new SvgCanvas(width, height);
        canvas.rect(0, 0, width, height, "#ffffff");
        layout(canvas, ChartPainter.nonEmpty(charts), width, height);
        return canvas.finish();
    }

    public static BufferedImage png(List<Chart> charts, int width, int height) {
        Java2dCanvas canvas = new Java2dCanvas(width, height);
        canvas.rect(0, 0, width, height, "#ffffff");
        layout(canvas, ChartPainter.nonEmpty(charts), width, height);
        return canvas.finish();
    }

    private static void layout(Canvas canvas, List<Chart> charts, int width, int height) {
        int columns = Math.min(charts.size(), 3);
        int rows = (charts.size() + columns - 1) / columns;
        double w = (double) width / columns;
        double h = (double) height / rows;
        ChartPainter painter = new ChartPainter(canvas);
        for (int i = 0; i < charts.size(); i++) {
            painter.paint(charts.get(i), (i % columns) * w, (i / columns) * h, w, h);
        }
    }
}
