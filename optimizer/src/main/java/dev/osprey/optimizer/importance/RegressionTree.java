package dev.osprey.optimizer.importance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A CART regression tree as scikit-learn's {@code DecisionTreeRegressor} grows it for a random
 * forest: squared-error splits tried on every column in a random order, each threshold halfway
 * between two adjacent distinct values, rows weighted by their bootstrap counts, grown until a node
 * is pure, holds fewer than two rows, or reaches the maximum depth.
 *
 * <p>Nodes are stored in arrays; {@code feature[n] < 0} marks a leaf.
 */
final class RegressionTree {

    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final double[] value;
    final int nodes;

    private RegressionTree(Grower g) {
        nodes = g.count;
        feature = Arrays.copyOf(g.feature, nodes);
        threshold = Arrays.copyOf(g.threshold, nodes);
        left = Arrays.copyOf(g.left, nodes);
        right = Arrays.copyOf(g.right, nodes);
        value = Arrays.copyOf(g.value, nodes);
    }

    /**
     * Grows a tree.
     *
     * @param columns   the training data by column: {@code columns[c][row]}
     * @param sorted    per column, all rows sorted by that column's value
     * @param y         the target of every row
     * @param weights   how often each row was drawn; rows drawn 0 times are left out
     * @param maxDepth  the depth at which nodes become leaves
     * @param random    shuffles the order in which columns are tried
     */
    static RegressionTree grow(double[][] columns, int[][] sorted, double[] y, int[] weights, int maxDepth,
                               SplittableRandom random) {
        Grower g = new Grower(columns, sorted, y, weights, maxDepth, random);
        g.split(0, g.n, 0);
        return new RegressionTree(g);
    }

    /** Builds the tree depth first; every column keeps the node's rows sorted in the same slice. */
    private static final class Grower {
        final double[][] columns;
        final double[] y;
        final int[] weights;
        final int maxDepth;
        final SplittableRandom random;
        final int[][] order;
        final int n;
        final boolean[] goesLeft;
        final int[] buffer;
        final int[] columnOrder;
        int[] feature = new int[64];
        double[] threshold = new double[64];
        int[] left = new int[64];
        int[] right = new int[64];
        double[] value = new double[64];
        int count;

        Grower(double[][] columns, int[][] sorted, double[] y, int[] weights, int maxDepth, SplittableRandom random) {
            this.columns = columns;
            this.y = y;
            this.weights = weights;
            this.maxDepth = maxDepth;
            this.random = random;
            int drawn = 0;
            for (int w : weights) {
                if (w > 0) {
                    drawn++;
                }
            }
            n = drawn;
            order = new int[columns.length][n];
            for (int c = 0; c < columns.length; c++) {
                int k = 0;
                for (int row : sorted[c]) {
                    if (weights[row] > 0) {
                        order[c][k++] = row;
                    }
                }
            }
            goesLeft = new boolean[y.length];
            buffer = new int[n];
            columnOrder = new int[columns.length];
            for (int c = 0; c < columnOrder.length; c++) {
                columnOrder[c] = c;
            }
        }

        int split(int lo, int hi, int depth) {
            int node = newNode();
            double w = 0;
            double s = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int[] rows = order[0];
            for (int i = lo; i < hi; i++) {
                int row = rows[i];
                w += weights[row];
                s += weights[row] * y[row];
                min = Math.min(min, y[row]);
                max = Math.max(max, y[row]);
            }
            value[node] = s / w;
            feature[node] = -1;
            if (hi - lo < 2 || depth >= maxDepth || min == max) {
                return node;
            }
            shuffleColumns();
            int bestColumn = -1;
            int bestCount = 0;
            double bestThreshold = 0;
            double bestProxy = Double.NEGATIVE_INFINITY;
            for (int c : columnOrder) {
                int[] ordered = order[c];
                double[] x = columns[c];
                double wl = 0;
                double sl = 0;
                for (int i = lo; i < hi - 1; i++) {
                    int row = ordered[i];
                    wl += weights[row];
                    sl += weights[row] * y[row];
                    double a = x[row];
                    double b = x[ordered[i + 1]];
                    if (a < b) {
                        double wr = w - wl;
                        double sr = s - sl;
                        // Maximising sl^2/wl + sr^2/wr is minimising the children's squared error.
                        double proxy = sl * sl / wl + sr * sr / wr;
                        if (proxy > bestProxy) {
                            bestProxy = proxy;
                            bestColumn = c;
                            bestCount = i + 1 - lo;
                            double mid = a / 2 + b / 2;
                            bestThreshold = mid >= b ? a : mid;
                        }
                    }
                }
            }
            if (bestColumn < 0) {
                return node;
            }
            int[] chosen = order[bestColumn];
            for (int i = lo; i < hi; i++) {
                goesLeft[chosen[i]] = i < lo + bestCount;
            }
            for (int[] ordered : order) {
                partition(ordered, lo, hi);
            }
            int mid = lo + bestCount;
            feature[node] = bestColumn;
            threshold[node] = bestThreshold;
            int l = split(lo, mid, depth + 1);
            left[node] = l;
            int r = split(mid, hi, depth + 1);
            right[node] = r;
            return node;
        }

        /** A stable partition of one column's slice into the rows going left, then those going right. */
        private void partition(int[] ordered, int lo, int hi) {
            int k = lo;
            int b = 0;
            for (int i = lo; i < hi; i++) {
                int row = ordered[i];
                if (goesLeft[row]) {
                    ordered[k++] = row;
                } else {
                    buffer[b++] = row;
                }
            }
            System.arraycopy(buffer, 0, ordered, k, b);
        }

        private void shuffleColumns() {
            for (int i = columnOrder.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = columnOrder[i];
                columnOrder[i] = columnOrder[j];
                columnOrder[j] = t;
            }
        }

        private int newNode() {
            if (count == feature.length) {
                int size = count * 2;
                feature = Arrays.copyOf(feature, size);
                threshold = Arrays.copyOf(threshold, size);
                left = Arrays.copyOf(left, size);
                right = Arrays.copyOf(right, size);
                value = Arrays.copyOf(value, size);
            }
            left[count] = -1;
            right[count] = -1;
            return count++;
        }
    }
}
