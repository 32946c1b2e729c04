package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.List;

/**
 * Optuna's optimisation history: each COMPLETE trial's value by trial number, and the best value so
 * far, where a trial that is not COMPLETE never improves it. The best line is kept as its change
 * points plus the last trial, drawn as steps: the same line as one point per trial, in a fraction of
 * the points for 100,000 trials.
 */
final class HistoryPlot {

    private HistoryPlot() {
    }

    static Chart of(PlotRequest request) {
        List<TrialRecord> complete = TrialColumns.completeFinite(request);
        String label = request.objectiveLabel();
        if (complete.isEmpty()) {
            return Chart.empty("Optimization History", "no COMPLETE trial with a finite value yet");
        }
        double[] x = new double[complete.size()];
        double[] y = new double[complete.size()];
        int[] numbers = new int[complete.size()];
        for (int i = 0; i < complete.size(); i++) {
            numbers[i] = complete.get(i).number();
            x[i] = numbers[i];
            y[i] = TrialColumns.value(complete.get(i), request);
        }
        Direction direction = request.study().directions().get(request.objective());
        List<double[]> best = new ArrayList<>();
        double current = Double.NaN;
        int lastNumber = -1;
        for (TrialRecord trial : request.trials()) {
            lastNumber = trial.number();
            if (trial.state() != TrialState.COMPLETE || trial.values().size() <= request.objective()) {
                continue;
            }
            double value = trial.values().get(request.objective());
            if (Double.isFinite(value) && (Double.isNaN(current) || direction.isBetter(value, current))) {
                current = value;
                best.add(new double[] {trial.number(), value});
            }
        }
        if (best.get(best.size() - 1)[0] != lastNumber) {
            best.add(new double[] {lastNumber, current});
        }
        double[] bx = best.stream().mapToDouble(p -> p[0]).toArray();
        double[] by = best.stream().mapToDouble(p -> p[1]).toArray();
        return new Chart("Optimization History", Axis.linear("Trial"), Axis.linear(label),
                List.of(new Series.Points(label, x, y, numbers, new double[0], "#1f77b4"),
                        new Series.Line("Best Value", bx, by, "#d62728", true)),
                List.of(complete.size() + " COMPLETE trials of " + request.trials().size()));
    }
}
