package dev.osprey.dashboard.internal.web;

import dev.osprey.dashboard.plot.Chart;
import dev.osprey.dashboard.plot.Series;
import dev.osprey.optimizer.trial.Direction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounds what a page draws of a large study: a point series of more than {@link #MAX_POINTS}
 * points is cut to that many, the best tenth by value (where the y axis is the objective) and an
 * even sample of the rest by trial order, and the chart's notes say so. Files drawn by
 * {@code osprey plot} keep every point; the browser is what a large study makes slow.
 */
final class ChartSampling {

    static final int MAX_POINTS = 1000;

    private ChartSampling() {
    }

    /**
     * The charts with each large point series sampled.
     *
     * @param valueDirection the direction of the objective on the y axis, or null when y is no objective
     */
    static List<Chart> bound(List<Chart> charts, Direction valueDirection) {
        List<Chart> out = new ArrayList<>(charts.size());
        for (Chart chart : charts) {
            List<Series> series = new ArrayList<>(chart.series().size());
            List<String> notes = new ArrayList<>(chart.notes());
            for (Series s : chart.series()) {
                if (s instanceof Series.Points p && p.x().length > MAX_POINTS) {
                    int[] kept = keep(p, valueDirection);
                    series.add(new Series.Points(p.name(), pick(p.x(), kept), pick(p.y(), kept),
                            Arrays.stream(kept).map(i -> p.trials()[i]).toArray(),
                            p.shade().length == 0 ? p.shade() : pick(p.shade(), kept), p.color()));
                    notes.add(String.format("%,d of %,d points drawn (%s)", kept.length, p.x().length,
                            valueDirection == null ? "an even sample" : "the best " + MAX_POINTS / 10
                                    + " and an even sample of the rest"));
                } else {
                    series.add(s);
                }
            }
            out.add(new Chart(chart.title(), chart.x(), chart.y(), series, notes));
        }
        return out;
    }

    /** The indices kept, in their original order. */
    static int[] keep(Series.Points points, Direction valueDirection) {
        int n = points.x().length;
        boolean[] chosen = new boolean[n];
        int best = 0;
        if (valueDirection != null) {
            best = MAX_POINTS / 10;
            double[] y = points.y();
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> valueDirection == Direction.MINIMIZE ? Double.compare(y[a], y[b])
                    : Double.compare(y[b], y[a]));
            for (int i = 0; i < best; i++) {
                chosen[order[i]] = true;
            }
        }
        int[] rest = new int[n - best];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (!chosen[i]) {
                rest[r++] = i;
            }
        }
        double stride = (double) rest.length / (MAX_POINTS - best);
        for (int i = 0; i < MAX_POINTS - best; i++) {
            chosen[rest[(int) (i * stride)]] = true;
        }
        int[] kept = new int[MAX_POINTS];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (chosen[i]) {
                kept[k++] = i;
            }
        }
        return kept;
    }

    private static double[] pick(double[] values, int[] kept) {
        double[] out = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = values[kept[i]];
        }
        return out;
    }
}
