package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Optuna's contour plot of two parameters, as a heatmap. Each axis runs over the distinct observed
 * values padded by 5 % of their range on both sides (in log10 space for log axes), or, past
 * {@link #MAX_CELLS} values, over that many evenly spaced points to which trials are snapped (as
 * Optuna's matplotlib backend does). Each trial fills its cell, the better value winning a shared
 * cell; the empty cells are filled by solving the discrete Laplace equation on the index grid with
 * the filled cells held fixed, which is what plotly's {@code connectgaps} computes.
 */
final class ContourPlot {

    static final int MAX_CELLS = 100;

    private ContourPlot() {
    }

    static Chart of(PlotRequest request) {
        List<TrialRecord> complete = TrialColumns.completeFinite(request);
        List<String> names = request.params().isEmpty() ? TrialColumns.paramNames(complete) : request.params();
        if (names.size() < 2) {
            return Chart.empty("Contour Plot", "a contour plot needs two parameters; the study has " + names.size());
        }
        TrialColumns.ParamAxis xAxis = TrialColumns.ParamAxis.of(names.get(0), complete);
        TrialColumns.ParamAxis yAxis = TrialColumns.ParamAxis.of(names.get(1), complete);
        List<TrialRecord> having = complete.stream()
                .filter(t -> t.params().containsKey(xAxis.name()) && t.params().containsKey(yAxis.name())).toList();
        double[] xs = grid(xAxis, having);
        double[] ys = grid(yAxis, having);
        String title = "Contour Plot: " + yAxis.name() + " by " + xAxis.name();
        if (xs.length < 2 || ys.length < 2) {
            return Chart.empty(title, "each parameter needs at least two distinct values among the COMPLETE trials");
        }
        Direction direction = request.study().directions().get(request.objective());
        double[][] z = new double[ys.length][xs.length];
        for (double[] row : z) {
            Arrays.fill(row, Double.NaN);
        }
        double[] px = new double[having.size()];
        double[] py = new double[having.size()];
        int[] numbers = new int[having.size()];
        for (int i = 0; i < having.size(); i++) {
            TrialRecord trial = having.get(i);
            px[i] = xAxis.position(trial);
            py[i] = yAxis.position(trial);
            numbers[i] = trial.number();
            int col = nearest(xs, xAxis.log() ? Math.log10(px[i]) : px[i], xAxis.log());
            int row = nearest(ys, yAxis.log() ? Math.log10(py[i]) : py[i], yAxis.log());
            double value = TrialColumns.value(trial, request);
            if (Double.isNaN(z[row][col]) || direction.isBetter(value, z[row][col])) {
                z[row][col] = value;
            }
        }
        LaplaceFill.fill(z);
        return new Chart(title, xAxis.axis(), yAxis.axis(),
                List.of(new Series.Heatmap(request.objectiveLabel(), xs, ys, z, direction == Direction.MINIMIZE),
                        new Series.Points("Trial", px, py, numbers, new double[0], "#000000")),
                List.of(having.size() + " COMPLETE trials with both parameters; a " + xs.length + " x " + ys.length
                        + " grid"));
    }

    /** The axis positions: category positions, observed values padded by 5 %, or evenly spaced points. */
    private static double[] grid(TrialColumns.ParamAxis axis, List<TrialRecord> trials) {
        if (axis.axis().scale() == Scale.CATEGORY) {
            return java.util.stream.IntStream.range(0, axis.axis().categories().size()).asDoubleStream().toArray();
        }
        TreeSet<Double> distinct = new TreeSet<>();
        for (TrialRecord trial : trials) {
            distinct.add(axis.log() ? Math.log10(axis.position(trial)) : axis.position(trial));
        }
        if (distinct.size() < 2) {
            return new double[distinct.size()];
        }
        double min = distinct.first();
        double max = distinct.last();
        double pad = (max - min) * 0.05;
        List<Double> points = new ArrayList<>();
        if (distinct.size() + 2 <= MAX_CELLS) {
            points.add(min - pad);
            points.addAll(distinct);
            points.add(max + pad);
        } else {
            for (int i = 0; i < MAX_CELLS; i++) {
                points.add(min - pad + (max - min + 2 * pad) * i / (MAX_CELLS - 1));
            }
        }
        // positions are kept in axis units: a log axis's grid goes back from log10 space
        return points.stream().mapToDouble(p -> axis.log() ? Math.pow(10, p) : p).toArray();
    }

    /** The index of the grid point nearest to {@code v} (both in log10 space on a log axis). */
    private static int nearest(double[] grid, double v, boolean log) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < grid.length; i++) {
            double distance = Math.abs((log ? Math.log10(grid[i]) : grid[i]) - v);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }
}
