package dev.osprey.dashboard.plot;

import java.util.List;
import java.util.Objects;

/**
 * One plot's data: what both the web page and the file renderer draw.
 *
 * @param title  the plot's title
 * @param x      the horizontal axis (unused by {@link Series.Parallel}, which brings its own axes)
 * @param y      the vertical axis
 * @param series what is drawn, in drawing order
 * @param notes  what the reader should know: trials left out, points sampled, why a plot is empty
 */
public record Chart(String title, Axis x, Axis y, List<Series> series, List<String> notes) {

    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }

    /** A chart with nothing to draw, and why. */
    public static Chart empty(String title, String why) {
        return new Chart(title, Axis.linear(""), Axis.linear(""), List.of(), List.of(why));
    }

    /** The number of point marks drawn: the points of every {@link Series.Points}, and each line of one value. */
    public int pointCount() {
        // a line of a single value is drawn as a point
        return series.stream().mapToInt(s -> s instanceof Series.Points p ? p.x().length
                : s instanceof Series.Line l && l.x().length == 1 ? 1 : 0).sum();
    }
}
