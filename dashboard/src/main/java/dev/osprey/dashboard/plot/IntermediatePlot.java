package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Optuna's intermediate values: one line per trial (COMPLETE, PRUNED or RUNNING) through the values
 * it reported, by step. Pruned trials are drawn orange and named so. Only the latest trials are
 * drawn, which the chart's note says.
 */
final class IntermediatePlot {

    static final int MAX_TRIALS = 100;

    private IntermediatePlot() {
    }

    static Chart of(PlotRequest request) {
        List<TrialRecord> reporting = new ArrayList<>();
        for (TrialRecord trial : request.trials()) {
            TrialState state = trial.state();
            if (!trial.intermediateValues().isEmpty()
                    && (state == TrialState.COMPLETE || state == TrialState.PRUNED || state == TrialState.RUNNING)) {
                reporting.add(trial);
            }
        }
        if (reporting.isEmpty()) {
            return Chart.empty("Intermediate Values", "no trial reported intermediate values");
        }
        List<String> notes = new ArrayList<>();
        if (reporting.size() > MAX_TRIALS) {
            notes.add("the latest " + MAX_TRIALS + " of " + reporting.size() + " trials with intermediate values");
            reporting = reporting.subList(reporting.size() - MAX_TRIALS, reporting.size());
        }
        List<Series> series = new ArrayList<>();
        for (TrialRecord trial : reporting) {
            double[] x = new double[trial.intermediateValues().size()];
            double[] y = new double[x.length];
            int i = 0;
            for (Map.Entry<Integer, Double> step : trial.intermediateValues().entrySet()) {
                x[i] = step.getKey();
                y[i++] = step.getValue();
            }
            boolean pruned = trial.state() == TrialState.PRUNED;
            series.add(new Series.Line("Trial" + trial.number() + (pruned ? " (pruned)" : ""), x, y,
                    pruned ? "#ff7f0e" : trial.state() == TrialState.RUNNING ? "#2ca02c" : "#1f77b4", false));
        }
        return new Chart("Intermediate Values", Axis.linear("Step"), Axis.linear("Intermediate Value"), series, notes);
    }
}
