package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Optuna's Pareto-front plot: the COMPLETE trials by their objective values, the non-dominated ones
 * ("Best Trial") red, the others blue. Two objectives give one chart; three give the three pairwise
 * projections (the web page and the files have no 3-D scatter).
 */
final class ParetoPlot {

    private ParetoPlot() {
    }

    static List<Chart> of(PlotRequest request) {
        List<Direction> directions = request.study().directions();
        if (directions.size() < 2 || directions.size() > 3) {
            return List.of(Chart.empty("Pareto-front Plot", "a Pareto front needs a study of 2 or 3 objectives; this one"
                    + " has " + directions.size()));
        }
        List<TrialRecord> complete = request.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.values().size() == directions.size()
                        && t.values().stream().allMatch(Double::isFinite))
                .toList();
        if (complete.isEmpty()) {
            return List.of(Chart.empty("Pareto-front Plot", "no COMPLETE trial with finite values yet"));
        }
        java.util.Set<TrialRecord> front = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        front.addAll(front(complete, directions));
        List<Chart> charts = new ArrayList<>();
        for (int a = 0; a < directions.size(); a++) {
            for (int b = a + 1; b < directions.size(); b++) {
                charts.add(projection(complete, front, a, b));
            }
        }
        return charts;
    }

    private static Chart projection(List<TrialRecord> complete, java.util.Set<TrialRecord> front, int a, int b) {
        List<TrialRecord> best = complete.stream().filter(front::contains).toList();
        List<TrialRecord> others = complete.stream().filter(t -> !front.contains(t)).toList();
        return new Chart("Pareto-front Plot", Axis.linear("Objective " + a), Axis.linear("Objective " + b),
                List.of(points("Trial", others, a, b, "#1f77b4"), points("Best Trial", best, a, b, "#d62728")),
                List.of(best.size() + " non-dominated of " + complete.size() + " COMPLETE trials"));
    }

    private static Series.Points points(String name, List<TrialRecord> trials, int a, int b, String color) {
        return new Series.Points(name, trials.stream().mapToDouble(t -> t.values().get(a)).toArray(),
                trials.stream().mapToDouble(t -> t.values().get(b)).toArray(),
                trials.stream().mapToInt(TrialRecord::number).toArray(), new double[0], color);
    }

    /**
     * The non-dominated trials. Trials are visited by the sum of their losses: a trial's dominator has a
     * smaller sum and is seen first, and domination is transitive, so a trial needs comparing only with
     * the front found so far.
     */
    static List<TrialRecord> front(List<TrialRecord> complete, List<Direction> directions) {
        List<double[]> losses = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < complete.size(); i++) {
            double[] loss = new double[directions.size()];
            for (int k = 0; k < loss.length; k++) {
                double v = complete.get(i).values().get(k);
                loss[k] = directions.get(k) == Direction.MINIMIZE ? v : -v;
            }
            losses.add(loss);
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> java.util.Arrays.stream(losses.get(i)).sum()));
        List<Integer> front = new ArrayList<>();
        for (int i : order) {
            boolean dominated = false;
            for (int f : front) {
                if (dominates(losses.get(f), losses.get(i))) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(i);
            }
        }
        front.sort(Comparator.naturalOrder());
        return front.stream().map(complete::get).toList();
    }

    private static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            strictly |= a[k] < b[k];
        }
        return strictly;
    }
}
