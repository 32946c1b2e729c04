package dev.osprey.optimizer.sampler.cmaes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The initial distribution of warm-starting CMA-ES (Nomura, Watanabe, Akimoto, Ozaki and Onishi,
 * "Warm Starting CMA-ES for Hyperparameter Optimization", AAAI 2021): the Gaussian closest to the
 * best {@code gamma} share of a source task's solutions, each widened by {@code alpha^2 I}; its
 * mean, and its covariance split into a step size {@code sigma = det^(1/2n)} and a matrix of
 * determinant 1.
 *
 * @param mean  the initial mean
 * @param sigma the initial step size
 * @param cov   the initial covariance matrix, of determinant 1
 */
record WarmStart(double[] mean, double sigma, double[][] cov) {

    private static final double GAMMA = 0.1;
    private static final double ALPHA = 0.1;

    /**
     * The warm start from source solutions, each {@code xs[k]} with {@code values[k]} (lower is
     * better); at least one solution, all of one dimension.
     */
    static WarmStart estimate(List<double[]> xs, double[] values) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("a warm start needs at least one source solution");
        }
        Integer[] order = new Integer[xs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        int top = Math.max(1, (int) Math.floor(xs.size() * GAMMA));
        int n = xs.get(0).length;
        double[] mean = new double[n];
        double[][] second = new double[n][n];
        for (int k = 0; k < top; k++) {
            double[] x = xs.get(order[k]);
            for (int i = 0; i < n; i++) {
                mean[i] += x[i] / top;
                for (int j = 0; j < n; j++) {
                    second[i][j] += x[i] * x[j] / top;
                }
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = (i == j ? ALPHA * ALPHA : 0) + second[i][j] - mean[i] * mean[j];
            }
        }
        double logDet = 0;
        for (double e : SymmetricEigen.of(cov).values()) {
            logDet += Math.log(Math.max(e, 1e-300));
        }
        double sigma = Math.exp(logDet / (2.0 * n));
        double norm = Math.exp(logDet / n);
        for (double[] row : cov) {
            for (int j = 0; j < n; j++) {
                row[j] /= norm;
            }
        }
        return new WarmStart(mean, sigma, cov);
    }
}
