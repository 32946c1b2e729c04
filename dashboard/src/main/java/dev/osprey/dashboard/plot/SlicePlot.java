package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Optuna's slice plot: per parameter, each COMPLETE trial's value against its value of that
 * parameter, shaded by trial number (later trials darker); trials without the parameter are left
 * out. Categorical parameters sit on a category axis in the order of their choices.
 */
final class SlicePlot {

    private SlicePlot() {
    }

    static List<Chart> of(PlotRequest request) {
        List<TrialRecord> complete = TrialColumns.completeFinite(request);
        List<String> names = request.params().isEmpty() ? TrialColumns.paramNames(complete) : request.params();
        if (complete.isEmpty() || names.isEmpty()) {
            return List.of(Chart.empty("Slice Plot", "no COMPLETE trial with parameters and a finite value yet"));
        }
        int lastNumber = complete.get(complete.size() - 1).number();
        List<Chart> charts = new ArrayList<>();
        for (String name : names) {
            TrialColumns.ParamAxis axis = TrialColumns.ParamAxis.of(name, complete);
            List<TrialRecord> having = complete.stream().filter(t -> t.params().containsKey(name)).toList();
            double[] x = new double[having.size()];
            double[] y = new double[having.size()];
            int[] numbers = new int[having.size()];
            double[] shade = new double[having.size()];
            for (int i = 0; i < having.size(); i++) {
                TrialRecord trial = having.get(i);
                x[i] = axis.position(trial);
                y[i] = TrialColumns.value(trial, request);
                numbers[i] = trial.number();
                shade[i] = lastNumber == 0 ? 1 : (double) trial.number() / lastNumber;
            }
            charts.add(new Chart("Slice Plot: " + name, axis.axis(), Axis.linear(request.objectiveLabel()),
                    List.of(new Series.Points("Trial", x, y, numbers, shade, "#1f77b4")),
                    List.of(having.size() + " COMPLETE trials with " + name)));
        }
        return charts;
    }
}
