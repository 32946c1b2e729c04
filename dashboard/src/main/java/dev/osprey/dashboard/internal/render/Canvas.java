package dev.osprey.dashboard.internal.render;

/** The few drawing operations a chart needs, in pixels from the top left. */
interface Canvas {

    void rect(double x, double y, double width, double height, String fill);

    void line(double x1, double y1, double x2, double y2, String stroke, double width);

    void polyline(double[] xs, double[] ys, String stroke, double width, double opacity);

    /** A point mark of a scatter series. */
    void point(double x, double y, double radius, String fill);

    void text(double x, double y, String text, int size, String anchor, boolean vertical);
}
