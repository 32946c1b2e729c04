package dev.osprey.dashboard.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plots of a study, named as on the command line ({@code osprey plot KIND}). */
public enum PlotKind {
    HISTORY, IMPORTANCE, PARALLEL_COORDINATES, SLICE, CONTOUR, EDF, INTERMEDIATE, TIMELINE, PARETO_FRONT;

    /** The command-line name: lower case, words joined by '-'. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a command-line name; the error lists the names there are. */
    public static PlotKind parse(String name) {
        for (PlotKind kind : values()) {
            if (kind.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown plot kind '" + name + "'; expected one of "
                + Arrays.stream(values()).map(PlotKind::cliName).collect(Collectors.joining(", ")));
    }
}
