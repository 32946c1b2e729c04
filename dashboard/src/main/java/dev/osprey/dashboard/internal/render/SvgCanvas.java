package dev.osprey.dashboard.internal.render;

import java.util.Locale;

/** A canvas that writes SVG 1.1 text; point marks are {@code <circle class="point">}. */
final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" font-family=\"sans-serif\">\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n",
                x, y, width, height, fill));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\""
                + " stroke-width=\"%.2f\"/>%n", x1, y1, x2, y2, stroke, width));
    }

    @Override
    public void polyline(double[] xs, double[] ys, String stroke, double width, double opacity) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(String.format(Locale.ROOT, "%.2f", width)).append("\" stroke-opacity=\"")
                .append(String.format(Locale.ROOT, "%.2f", opacity)).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            svg.append(String.format(Locale.ROOT, "%.2f,%.2f ", xs[i], ys[i]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void point(double x, double y, double radius, String fill) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\" fill=\"%s\"/>%n",
                x, y, radius, fill));
    }

    @Override
    public void text(double x, double y, String text, int size, String anchor, boolean vertical) {
        String rotate = vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.2f %.2f)\"", x, y) : "";
        svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%d\" text-anchor=\"%s\"%s>",
                x, y, size, anchor, rotate)).append(escape(text)).append("</text>\n");
    }

    String finish() {
        return svg + "</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
