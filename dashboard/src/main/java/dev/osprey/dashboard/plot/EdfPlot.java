package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.Arrays;
import java.util.List;

/**
 * Optuna's empirical distribution function: at 100 evenly spaced values from the smallest to the
 * largest finite COMPLETE value, the fraction of values at or below it.
 */
final class EdfPlot {

    static final int POINTS = 100;

    private EdfPlot() {
    }

    static Chart of(PlotRequest request) {
        List<TrialRecord> complete = TrialColumns.completeFinite(request);
        String label = request.objectiveLabel();
        if (complete.isEmpty()) {
            return Chart.empty("Empirical Distribution Function Plot", "no COMPLETE trial with a finite value yet");
        }
        double[] values = complete.stream().mapToDouble(t -> TrialColumns.value(t, request)).sorted().toArray();
        double min = values[0];
        double max = values[values.length - 1];
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = min + (max - min) * i / (POINTS - 1);
            y[i] = (double) upperBound(values, x[i]) / values.length;
        }
        return new Chart("Empirical Distribution Function Plot", Axis.linear(label),
                Axis.linear("Cumulative Probability"),
                List.of(new Series.Line(request.study().name(), x, y, "#1f77b4", false)),
                List.of(values.length + " COMPLETE trials"));
    }

    /** The number of sorted values at or below {@code x}. */
    private static int upperBound(double[] sorted, double x) {
        int index = Arrays.binarySearch(sorted, x);
        if (index < 0) {
            return -index - 1;
        }
        while (index < sorted.length && sorted[index] == x) {
            index++;
        }
        return index;
    }
}
