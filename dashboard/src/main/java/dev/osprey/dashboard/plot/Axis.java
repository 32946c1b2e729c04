package dev.osprey.dashboard.plot;

import java.util.List;
import java.util.Objects;

/**
 * One axis of a chart.
 *
 * @param label      what the axis shows
 * @param scale      how values map to positions
 * @param categories the labels of positions 0..k-1 of a {@link Scale#CATEGORY} axis, else empty
 */
public record Axis(String label, Scale scale, List<String> categories) {

    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scale, "scale");
        categories = List.copyOf(categories);
        if (scale == Scale.CATEGORY && categories.isEmpty()) {
            throw new IllegalArgumentException("a category axis needs its categories (axis '" + label + "')");
        }
    }

    public static Axis linear(String label) {
        return new Axis(label, Scale.LINEAR, List.of());
    }

    public static Axis of(String label, Scale scale) {
        return new Axis(label, scale, List.of());
    }

    public static Axis categories(String label, List<String> categories) {
        return new Axis(label, Scale.CATEGORY, categories);
    }
}
