package dev.osprey.dashboard.plot;

import java.util.List;

/** Computes a study's plots: one chart, or one per parameter (slice) or objective pair (Pareto front). */
public final class PlotData {

    private PlotData() {
    }

    public static List<Chart> charts(PlotKind kind, PlotRequest request) {
        return switch (kind) {
            case HISTORY -> List.of(HistoryPlot.of(request));
            case IMPORTANCE -> List.of(ImportancePlot.of(request));
            case PARALLEL_COORDINATES -> List.of(ParallelPlot.of(request));
            case SLICE -> SlicePlot.of(request);
            case CONTOUR -> List.of(ContourPlot.of(request));
            case EDF -> List.of(EdfPlot.of(request));
            case INTERMEDIATE -> List.of(IntermediatePlot.of(request));
            case TIMELINE -> List.of(TimelinePlot.of(request));
            case PARETO_FRONT -> ParetoPlot.of(request);
        };
    }
}
