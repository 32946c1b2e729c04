package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Optuna's parallel coordinates: the objective's axis first, then the parameters by name; log
 * parameters as log10 of their values; a trial without a parameter kept, on that axis's "None"
 * position below the others (as Optuna 5 does). Lines are shaded by value, the best darkest. Past
 * {@link #MAX_LINES} trials, the best tenth of those shown and an even sample of the rest are drawn.
 */
final class ParallelPlot {

    static final int MAX_LINES = 1000;

    private ParallelPlot() {
    }

    static Chart of(PlotRequest request) {
        List<TrialRecord> complete = TrialColumns.completeFinite(request);
        List<String> names = TrialColumns.paramNames(complete);
        if (complete.isEmpty() || names.isEmpty()) {
            return Chart.empty("Parallel Coordinate Plot", "no COMPLETE trial with parameters and a finite value yet");
        }
        Direction direction = request.study().directions().get(request.objective());
        List<String> notes = new ArrayList<>();
        List<TrialRecord> shown = sample(complete, request, direction, notes);
        List<Axis> axes = new ArrayList<>();
        axes.add(Axis.linear(request.objectiveLabel()));
        List<TrialColumns.ParamAxis> params = names.stream().map(n -> TrialColumns.ParamAxis.of(n, complete)).toList();
        double[][] rows = new double[shown.size()][names.size() + 1];
        for (int i = 0; i < shown.size(); i++) {
            rows[i][0] = TrialColumns.value(shown.get(i), request);
        }
        for (int p = 0; p < params.size(); p++) {
            TrialColumns.ParamAxis param = params.get(p);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean missing = false;
            for (int i = 0; i < shown.size(); i++) {
                double v = param.position(shown.get(i));
                if (param.log() && !Double.isNaN(v)) {
                    v = Math.log10(v);
                }
                rows[i][p + 1] = v;
                if (Double.isNaN(v)) {
                    missing = true;
                } else {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            axes.add(axisOf(param, missing));
            if (missing) {
                boolean category = param.axis().scale() == Scale.CATEGORY;
                // a category axis gains "None" at position 0, before its choices (Optuna reserves code 0)
                double none = category ? 0 : max == min ? min - 1 : min - (max - min) * 0.12 / 0.88;
                for (double[] row : rows) {
                    row[p + 1] = Double.isNaN(row[p + 1]) ? none : category ? row[p + 1] + 1 : row[p + 1];
                }
                notes.add("trials without " + param.name() + " sit on its lowest position (None)");
            }
        }
        double[] values = shown.stream().mapToDouble(t -> TrialColumns.value(t, request)).toArray();
        double lo = java.util.Arrays.stream(values).min().orElse(0);
        double hi = java.util.Arrays.stream(values).max().orElse(0);
        double[] shade = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double t = hi == lo ? 1 : (values[i] - lo) / (hi - lo);
            shade[i] = direction == Direction.MINIMIZE ? 1 - t : t;
        }
        int[] numbers = shown.stream().mapToInt(TrialRecord::number).toArray();
        return new Chart("Parallel Coordinate Plot", Axis.linear(""), Axis.linear(""),
                List.of(new Series.Parallel("Trials", axes, rows, numbers, shade)), notes);
    }

    private static Axis axisOf(TrialColumns.ParamAxis param, boolean missing) {
        Axis axis = param.axis();
        if (axis.scale() == Scale.CATEGORY) {
            if (!missing) {
                return axis;
            }
            List<String> labels = new ArrayList<>(List.of("None"));
            labels.addAll(axis.categories());
            return Axis.categories(axis.label(), labels);
        }
        return axis.scale() == Scale.LOG ? Axis.linear("log10 " + param.name()) : axis;
    }

    private static List<TrialRecord> sample(List<TrialRecord> complete, PlotRequest request, Direction direction,
                                            List<String> notes) {
        if (complete.size() <= MAX_LINES) {
            return complete;
        }
        Comparator<TrialRecord> better = Comparator.comparingDouble(t -> TrialColumns.value(t, request));
        List<TrialRecord> ranked = new ArrayList<>(complete);
        ranked.sort(direction == Direction.MINIMIZE ? better : better.reversed());
        int top = MAX_LINES / 10;
        List<TrialRecord> kept = new ArrayList<>(ranked.subList(0, top));
        List<TrialRecord> rest = ranked.subList(top, ranked.size());
        rest = new ArrayList<>(rest);
        rest.sort(Comparator.comparingInt(TrialRecord::number));
        double stride = (double) rest.size() / (MAX_LINES - top);
        for (int i = 0; i < MAX_LINES - top; i++) {
            kept.add(rest.get((int) (i * stride)));
        }
        kept.sort(Comparator.comparingInt(TrialRecord::number));
        notes.add(MAX_LINES + " of " + complete.size() + " trials: the best " + top + " and an even sample of the rest");
        return kept;
    }
}
