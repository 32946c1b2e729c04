package dev.osprey.optimizer.importance;

import java.util.Arrays;

/**
 * The functional ANOVA of one regression tree (Hutter, Hoos and Leyton-Brown, "An Efficient Approach
 * for Assessing Hyperparameter Importance", ICML 2014): the variance of the tree's prediction under a
 * uniform distribution over the search box, and the share of it explained by the marginal prediction
 * of a group of columns (one parameter).
 *
 * <p>The thresholds a tree uses on a column cut it into cells; every leaf covers a run of cells on
 * each column. The marginal prediction of a group is constant on each combination of its cells and
 * equals the sum, over the leaves covering it, of the leaf's value times the fraction of the other
 * columns' volume the leaf spans. This sums leaves directly instead of walking the tree once per cell,
 * which gives the same numbers as Optuna's walk with far fewer steps.
 */
final class TreeVariance {

    private final int columns;
    private final double[] boundWidth;
    private final double[][] edges;
    private final int leaves;
    private final double[] leafValue;
    private final double[] leafFraction;
    private final int[][] leafFirstCell;
    private final int[][] leafEndCell;
    private final double total;

    TreeVariance(RegressionTree tree, double[] low, double[] high) {
        columns = low.length;
        boundWidth = new double[columns];
        for (int c = 0; c < columns; c++) {
            boundWidth[c] = high[c] - low[c];
        }
        edges = cellEdges(tree, low, high);
        int count = 0;
        for (int n = 0; n < tree.nodes; n++) {
            if (tree.feature[n] < 0) {
                count++;
            }
        }
        leaves = count;
        leafValue = new double[leaves];
        leafFraction = new double[leaves];
        leafFirstCell = new int[leaves][columns];
        leafEndCell = new int[leaves][columns];
        collect(tree, 0, low.clone(), high.clone(), new int[] {0});
        double mean = 0;
        for (int l = 0; l < leaves; l++) {
            mean += leafFraction[l] * leafValue[l];
        }
        double variance = 0;
        for (int l = 0; l < leaves; l++) {
            double d = leafValue[l] - mean;
            variance += leafFraction[l] * d * d;
        }
        total = variance;
    }

    /** The variance of the prediction over the whole box. */
    double total() {
        return total;
    }

    /** The variance of the marginal prediction of {@code group} (column indices), at least 0. */
    double marginal(int[] group) {
        int[] split = Arrays.stream(group).filter(c -> edges[c].length > 2).toArray();
        if (split.length == 0) {
            return 0;
        }
        int[] size = new int[split.length];
        int[] stride = new int[split.length];
        int cells = 1;
        for (int i = split.length - 1; i >= 0; i--) {
            size[i] = edges[split[i]].length - 1;
            stride[i] = cells;
            cells = Math.multiplyExact(cells, size[i]);
        }
        double[] prediction = new double[cells];
        if (split.length == 1) {
            int c = split[0];
            double[] delta = new double[cells + 1];
            for (int l = 0; l < leaves; l++) {
                double share = leafFraction[l] * boundWidth[c] / width(l, c) * leafValue[l];
                delta[leafFirstCell[l][c]] += share;
                delta[leafEndCell[l][c]] -= share;
            }
            double running = 0;
            for (int k = 0; k < cells; k++) {
                running += delta[k];
                prediction[k] = running;
            }
        } else {
            int[] at = new int[split.length];
            for (int l = 0; l < leaves; l++) {
                double share = leafFraction[l] * leafValue[l];
                for (int c : split) {
                    share *= boundWidth[c] / width(l, c);
                }
                addOverBox(prediction, l, split, stride, at, 0, 0, share);
            }
        }
        double mean = 0;
        double[] weight = new double[cells];
        for (int k = 0; k < cells; k++) {
            double w = 1;
            int rest = k;
            for (int i = 0; i < split.length; i++) {
                int cell = rest / stride[i];
                rest -= cell * stride[i];
                double[] e = edges[split[i]];
                w *= (e[cell + 1] - e[cell]) / boundWidth[split[i]];
            }
            weight[k] = w;
            mean += w * prediction[k];
        }
        double variance = 0;
        for (int k = 0; k < cells; k++) {
            double d = prediction[k] - mean;
            variance += weight[k] * d * d;
        }
        return Math.max(0, variance);
    }

    private void addOverBox(double[] prediction, int leaf, int[] split, int[] stride, int[] at, int dim, int offset,
                            double share) {
        if (dim == split.length) {
            prediction[offset] += share;
            return;
        }
        int c = split[dim];
        for (int cell = leafFirstCell[leaf][c]; cell < leafEndCell[leaf][c]; cell++) {
            addOverBox(prediction, leaf, split, stride, at, dim + 1, offset + cell * stride[dim], share);
        }
    }

    private double width(int leaf, int c) {
        double[] e = edges[c];
        return e[leafEndCell[leaf][c]] - e[leafFirstCell[leaf][c]];
    }

    private void collect(RegressionTree tree, int node, double[] low, double[] high, int[] next) {
        int f = tree.feature[node];
        if (f < 0) {
            int l = next[0]++;
            leafValue[l] = tree.value[node];
            double fraction = 1;
            for (int c = 0; c < columns; c++) {
                fraction *= boundWidth[c] > 0 ? (high[c] - low[c]) / boundWidth[c] : 1;
                leafFirstCell[l][c] = Arrays.binarySearch(edges[c], low[c]);
                leafEndCell[l][c] = Arrays.binarySearch(edges[c], high[c]);
            }
            leafFraction[l] = fraction;
            return;
        }
        double t = tree.threshold[node];
        double savedHigh = high[f];
        high[f] = Math.min(savedHigh, t);
        collect(tree, tree.left[node], low, high, next);
        high[f] = savedHigh;
        double savedLow = low[f];
        low[f] = Math.max(savedLow, t);
        collect(tree, tree.right[node], low, high, next);
        low[f] = savedLow;
    }

    /** Per column: its bounds and the distinct thresholds the tree uses on it, ascending. */
    private static double[][] cellEdges(RegressionTree tree, double[] low, double[] high) {
        int columns = low.length;
        double[][] raw = new double[columns][];
        int[] used = new int[columns];
        for (int c = 0; c < columns; c++) {
            raw[c] = new double[8];
        }
        for (int n = 0; n < tree.nodes; n++) {
            int f = tree.feature[n];
            if (f >= 0) {
                if (used[f] == raw[f].length) {
                    raw[f] = Arrays.copyOf(raw[f], used[f] * 2);
                }
                raw[f][used[f]++] = Math.min(high[f], Math.max(low[f], tree.threshold[n]));
            }
        }
        double[][] out = new double[columns][];
        for (int c = 0; c < columns; c++) {
            double[] e = Arrays.copyOf(raw[c], used[c] + 2);
            e[used[c]] = low[c];
            e[used[c] + 1] = high[c];
            out[c] = Arrays.stream(e).sorted().distinct().toArray();
        }
        return out;
    }
}
