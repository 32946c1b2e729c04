package dev.osprey.optimizer.importance;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * fANOVA as Optuna's {@code FanovaImportanceEvaluator} computes it: a random forest (64 trees, depth
 * at most 64, bootstrap samples, every column tried at each split) fitted to the parameters, and each
 * parameter's importance the mean over trees of the share of the tree's variance its marginal explains.
 * As in Optuna, numeric parameters keep their raw scale (log-scaled ones too) and a categorical one
 * becomes one column per choice, each on [0, 1]. The direction does not matter: variance is symmetric.
 */
final class FanovaEvaluator implements ImportanceEvaluator {

    static final int TREES = 64;
    static final int MAX_DEPTH = 64;

    private final long seed;
    private final int trees;

    FanovaEvaluator(long seed, int trees) {
        if (trees < 1) {
            throw new IllegalArgumentException("a forest needs at least 1 tree, but got " + trees);
        }
        this.seed = seed;
        this.trees = trees;
    }

    @Override
    public Map<String, Double> evaluate(List<TrialRecord> trials, int objective, Direction direction) {
        StudyTable table = StudyTable.of(trials, objective);
        List<Integer> free = IntStream.range(0, table.names().size())
                .filter(p -> !table.distributions().get(p).isSingle()).boxed().toList();
        double[] scores = new double[table.names().size()];
        if (free.isEmpty() || table.rows() < 2) {
            return table.normalised(scores);
        }
        Encoding encoding = encode(table, free);
        int rows = table.rows();
        int[][] sorted = new int[encoding.columns.length][];
        for (int c = 0; c < sorted.length; c++) {
            double[] x = encoding.columns[c];
            sorted[c] = IntStream.range(0, rows).boxed().sorted(Comparator.comparingDouble(r -> x[r]))
                    .mapToInt(Integer::intValue).toArray();
        }
        double[] sums = new double[free.size()];
        int counted = 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < trees; t++) {
            SplittableRandom treeRandom = random.split();
            int[] weights = new int[rows];
            for (int i = 0; i < rows; i++) {
                weights[treeRandom.nextInt(rows)]++;
            }
            RegressionTree tree = RegressionTree.grow(encoding.columns, sorted, table.values(), weights, MAX_DEPTH,
                    treeRandom);
            TreeVariance anova = new TreeVariance(tree, encoding.low, encoding.high);
            if (!(anova.total() > 0)) {
                continue;
            }
            counted++;
            for (int i = 0; i < free.size(); i++) {
                sums[i] += anova.marginal(encoding.groups.get(i)) / anova.total();
            }
        }
        if (counted > 0) {
            for (int i = 0; i < free.size(); i++) {
                scores[free.get(i)] = sums[i] / counted;
            }
        }
        return table.normalised(scores);
    }

    /** The forest's columns: raw numeric values, one indicator column per categorical choice. */
    private static Encoding encode(StudyTable table, List<Integer> free) {
        List<double[]> columns = new ArrayList<>();
        List<double[]> bounds = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        for (int p : free) {
            Distribution d = table.distributions().get(p);
            double[] internal = table.internals()[p];
            switch (d) {
                case FloatDistribution f -> {
                    groups.add(new int[] {columns.size()});
                    columns.add(internal);
                    bounds.add(new double[] {f.low(), f.high()});
                }
                case IntDistribution i -> {
                    groups.add(new int[] {columns.size()});
                    columns.add(internal);
                    bounds.add(new double[] {i.low(), i.high()});
                }
                case CategoricalDistribution c -> {
                    int[] group = new int[c.choices().size()];
                    for (int k = 0; k < group.length; k++) {
                        group[k] = columns.size();
                        double[] indicator = new double[internal.length];
                        for (int r = 0; r < internal.length; r++) {
                            indicator[r] = internal[r] == k ? 1 : 0;
                        }
                        columns.add(indicator);
                        bounds.add(new double[] {0, 1});
                    }
                    groups.add(group);
                }
            }
        }
        double[] low = bounds.stream().mapToDouble(b -> b[0]).toArray();
        double[] high = bounds.stream().mapToDouble(b -> b[1]).toArray();
        return new Encoding(columns.toArray(double[][]::new), low, high, groups);
    }

    private record Encoding(double[][] columns, double[] low, double[] high, List<int[]> groups) {
    }
}
