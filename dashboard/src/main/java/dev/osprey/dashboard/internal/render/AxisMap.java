package dev.osprey.dashboard.internal.render;

import dev.osprey.dashboard.plot.Axis;
import dev.osprey.dashboard.plot.Scale;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps one axis's values to pixels between {@code from} and {@code to}, and gives its ticks. */
final class AxisMap {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    final Axis axis;
    private final double low;
    private final double high;
    private final double from;
    private final double to;

    /** An axis spanning the finite values seen (the transformed ones on a log axis). */
    AxisMap(Axis axis, double min, double max, double from, double to) {
        this.axis = axis;
        if (axis.scale() == Scale.CATEGORY) {
            min = -0.5;
            max = axis.categories().size() - 0.5;
        } else if (!(min <= max)) {
            min = 0;
            max = 1;
        } else if (min == max) {
            min -= 0.5;
            max += 0.5;
        } else {
            double pad = (max - min) * 0.04;
            min -= pad;
            max += pad;
        }
        this.low = min;
        this.high = max;
        this.from = from;
        this.to = to;
    }

    /** The value as this axis measures it: log10 on a log axis. */
    static double measure(Axis axis, double v) {
        return axis.scale() == Scale.LOG ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    double pixel(double v) {
        return from + (measure(axis, v) - low) / (high - low) * (to - from);
    }

    /** Pixels per unit of the axis's measure (a category's width, for one). */
    double unit() {
        return Math.abs(to - from) / (high - low);
    }

    record Tick(double pixel, String label) {
    }

    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        if (axis.scale() == Scale.CATEGORY) {
            for (int i = 0; i < axis.categories().size(); i++) {
                ticks.add(new Tick(from + (i - low) / (high - low) * (to - from), axis.categories().get(i)));
            }
            return ticks;
        }
        double span = high - low;
        double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
        if (span / step > 10) {
            step *= span / step > 20 ? 5 : 2;
        }
        if (axis.scale() == Scale.LOG) {
            step = Math.max(1, Math.round(step));
        }
        for (double t = Math.ceil(low / step) * step; t <= high; t += step) {
            double p = from + (t - low) / span * (to - from);
            ticks.add(new Tick(p, label(t, step)));
        }
        return ticks;
    }

    private String label(double t, double step) {
        return switch (axis.scale()) {
            case LOG -> String.format(Locale.ROOT, "%.3g", Math.pow(10, t));
            case TIME -> TIME.format(Instant.ofEpochMilli((long) t));
            default -> format(t, step);
        };
    }

    static String format(double v, double step) {
        if (Math.abs(v) < step * 1e-6) {
            return "0";
        }
        if (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        int decimals = (int) Math.max(0, Math.min(6, -Math.floor(Math.log10(step))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
