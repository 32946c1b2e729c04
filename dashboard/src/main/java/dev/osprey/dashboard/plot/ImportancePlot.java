package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Optuna's hyperparameter importances: one horizontal bar per parameter, the most important at the
 * top, from the evaluator the request names; the chart's note names it.
 */
final class ImportancePlot {

    private ImportancePlot() {
    }

    static Chart of(PlotRequest request) {
        String title = "Hyperparameter Importances";
        List<TrialRecord> complete = TrialColumns.completeFinite(request);
        if (complete.size() < 2) {
            return Chart.empty(title, "importance needs at least 2 COMPLETE trials with a finite value");
        }
        Map<String, Double> importances;
        try {
            importances = request.importance().evaluator().evaluate(complete, request.objective(),
                    request.study().directions().get(request.objective()));
        } catch (IllegalArgumentException e) {
            return Chart.empty(title, e.getMessage());
        }
        List<String> labels = new ArrayList<>(importances.keySet());
        double[] values = importances.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Chart(title, Axis.linear("Hyperparameter Importance"), Axis.categories("Hyperparameter",
                labels.isEmpty() ? List.of("-") : labels),
                List.of(new Series.Bars(request.objectiveLabel(), labels, values, "#1f77b4")),
                List.of(request.importance().name() + " on " + complete.size() + " COMPLETE trials"));
    }
}
