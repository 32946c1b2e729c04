package dev.osprey.dashboard.plot;

/**
 * Fills the NaN cells of a grid with the solution of the discrete Laplace equation: each empty cell
 * is the mean of its in-grid neighbours (so the edges have zero derivative), the filled cells held
 * fixed. Solved by successive over-relaxation until no cell moves by more than a millionth of the
 * filled values' range.
 */
final class LaplaceFill {

    private static final double OMEGA = 1.9;
    private static final int MAX_SWEEPS = 20_000;

    private LaplaceFill() {
    }

    static void fill(double[][] z) {
        int rows = z.length;
        int cols = z[0].length;
        boolean[][] free = new boolean[rows][cols];
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int known = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                free[i][j] = Double.isNaN(z[i][j]);
                if (!free[i][j]) {
                    sum += z[i][j];
                    known++;
                    min = Math.min(min, z[i][j]);
                    max = Math.max(max, z[i][j]);
                }
            }
        }
        if (known == 0) {
            return;
        }
        double mean = sum / known;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (free[i][j]) {
                    z[i][j] = mean;
                }
            }
        }
        double tolerance = Math.max(max - min, 1e-300) * 1e-6;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double moved = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (!free[i][j]) {
                        continue;
                    }
                    double total = 0;
                    int n = 0;
                    if (i > 0) { total += z[i - 1][j]; n++; }
                    if (i < rows - 1) { total += z[i + 1][j]; n++; }
                    if (j > 0) { total += z[i][j - 1]; n++; }
                    if (j < cols - 1) { total += z[i][j + 1]; n++; }
                    if (n == 0) {
                        continue;
                    }
                    double next = z[i][j] + OMEGA * (total / n - z[i][j]);
                    moved = Math.max(moved, Math.abs(next - z[i][j]));
                    z[i][j] = next;
                }
            }
            if (moved < tolerance) {
                return;
            }
        }
    }
}
