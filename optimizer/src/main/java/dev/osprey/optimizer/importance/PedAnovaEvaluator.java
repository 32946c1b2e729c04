package dev.osprey.optimizer.importance;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * PED-ANOVA (Watanabe, Bansal and Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter
 * Importance in Arbitrary Subspaces", IJCAI 2023) as Optuna's {@code PedAnovaImportanceEvaluator}
 * computes it: the trials better than the target quantile are compared with those within the region
 * quantile (all trials by default); a parameter's importance is the Pearson divergence between its
 * density among the former and among the latter, both estimated on a grid of at most 50 points
 * (in log space for log-scaled parameters, by choice index for categoricals).
 */
final class PedAnovaEvaluator implements ImportanceEvaluator {

    static final double TARGET_QUANTILE = 0.1;
    static final int STEPS = 50;
    private static final int MIN_TOP_TRIALS = 2;

    private final double targetQuantile;
    private final double regionQuantile;

    PedAnovaEvaluator(double targetQuantile, double regionQuantile) {
        if (!(targetQuantile > 0 && targetQuantile < regionQuantile && regionQuantile <= 1)) {
            throw new IllegalArgumentException("PED-ANOVA needs 0 < target quantile < region quantile <= 1, but got "
                    + targetQuantile + " and " + regionQuantile);
        }
        this.targetQuantile = targetQuantile;
        this.regionQuantile = regionQuantile;
    }

    @Override
    public Map<String, Double> evaluate(List<TrialRecord> trials, int objective, Direction direction) {
        StudyTable table = StudyTable.of(trials, objective);
        double[] scores = new double[table.names().size()];
        if (table.rows() <= MIN_TOP_TRIALS) {
            return table.normalised(scores);
        }
        double[] loss = table.values().clone();
        if (direction == Direction.MAXIMIZE) {
            for (int i = 0; i < loss.length; i++) {
                loss[i] = -loss[i];
            }
        }
        boolean[] top = within(loss, targetQuantile);
        boolean[] region = regionQuantile >= 1 ? all(loss.length) : within(loss, regionQuantile);
        double ratio = (double) count(top) / count(region);
        for (int p = 0; p < scores.length; p++) {
            Distribution d = table.distributions().get(p);
            if (d.isSingle()) {
                continue;
            }
            int[] cells = cells(d, table.internals()[p]);
            int size = d instanceof CategoricalDistribution c ? c.choices().size() : gridSize(d);
            double[] pTop = density(d, histogram(cells, top, size));
            double[] pRegion = density(d, histogram(cells, region, size));
            double divergence = 0;
            for (int k = 0; k < size; k++) {
                double a = pTop[k] + 1e-12;
                double b = pRegion[k] + 1e-12;
                divergence += b * (a / b - 1) * (a / b - 1);
            }
            scores[p] = ratio * ratio * divergence;
        }
        return table.normalised(scores);
    }

    /** The trials whose loss is at most the quantile's, and at least the best {@value MIN_TOP_TRIALS}. */
    static boolean[] within(double[] loss, double quantile) {
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * loss.length) - 1;
        double cutoff = Math.max(sorted[MIN_TOP_TRIALS - 1], sorted[Math.max(0, index)]);
        boolean[] keep = new boolean[loss.length];
        for (int i = 0; i < loss.length; i++) {
            keep[i] = loss[i] <= cutoff;
        }
        return keep;
    }

    private static double[] density(Distribution d, int[] counts) {
        return d instanceof CategoricalDistribution ? GridDensity.categorical(counts) : GridDensity.numeric(counts);
    }

    /** The number of grid points of a numeric parameter. */
    static int gridSize(Distribution d) {
        return switch (d) {
            case FloatDistribution f -> f.step() == null ? STEPS
                    : (int) Math.min(Math.round((f.high() - f.low()) / f.step()) + 1, STEPS);
            case IntDistribution i -> {
                if (i.log()) {
                    int log2 = (int) Math.ceil(Math.log((double) i.high() - i.low() + 1) / Math.log(2)) + 1;
                    yield Math.min(log2, STEPS);
                }
                yield (int) Math.min(Math.round((double) (i.high() - i.low()) / i.step()) + 1, STEPS);
            }
            case CategoricalDistribution c -> c.choices().size();
        };
    }

    /** Each trial's grid index: its nearest grid point, or its choice index. */
    static int[] cells(Distribution d, double[] internal) {
        int[] out = new int[internal.length];
        if (d instanceof CategoricalDistribution) {
            for (int i = 0; i < internal.length; i++) {
                out[i] = (int) internal[i];
            }
            return out;
        }
        boolean log = d instanceof FloatDistribution f ? f.log() : ((IntDistribution) d).log();
        double low = d instanceof FloatDistribution f ? f.low() : ((IntDistribution) d).low();
        double high = d instanceof FloatDistribution f ? f.high() : ((IntDistribution) d).high();
        int size = gridSize(d);
        double lo = log ? Math.log(low) : low;
        double hi = log ? Math.log(high) : high;
        double[] grid = new double[size];
        for (int k = 0; k < size; k++) {
            grid[k] = k == size - 1 ? hi : lo + (hi - lo) * k / (size - 1);
        }
        double h = grid[1] - grid[0];
        for (int i = 0; i < internal.length; i++) {
            double v = (log ? Math.log(internal[i]) : internal[i]) - h / 2;
            int at = Arrays.binarySearch(grid, v);
            if (at < 0) {
                at = -at - 1;
            } else {
                while (at > 0 && grid[at - 1] == v) {
                    at--;
                }
            }
            out[i] = Math.min(at, size - 1);
        }
        return out;
    }

    private static int[] histogram(int[] cells, boolean[] keep, int size) {
        int[] counts = new int[size];
        for (int i = 0; i < cells.length; i++) {
            if (keep[i]) {
                counts[cells[i]]++;
            }
        }
        return counts;
    }

    private static boolean[] all(int n) {
        boolean[] out = new boolean[n];
        Arrays.fill(out, true);
        return out;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
