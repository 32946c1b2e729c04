package dev.osprey.optimizer.sampler.cmaes;

/**
 * Learning-rate adaptation for CMA-ES on noisy or multimodal objectives (Nomura, Akimoto and Ono,
 * "CMA-ES with Learning Rate Adaptation: Can CMA-ES with Default Population Size Solve
 * Multimodal and Noisy Problems?", GECCO 2023): after each update, the signal-to-noise ratio of
 * the one-step changes of the mean and the covariance (in the local coordinates of the old
 * distribution) is estimated with moving averages, and each learning rate is moved so that the
 * ratio stays near {@code alpha = 1.4}. The update is then re-applied with those rates.
 */
final class LearningRateAdaptation {

    private static final double ALPHA = 1.4;
    private static final double BETA_MEAN = 0.1;
    private static final double BETA_SIGMA = 0.03;
    private static final double GAMMA = 0.1;

    private final double[] expectedMean;
    private final double[] expectedSigma;
    private double varianceMean;
    private double varianceSigma;
    private double etaMean = 1;
    private double etaSigma = 1;

    LearningRateAdaptation(int n) {
        expectedMean = new double[n];
        expectedSigma = new double[n * n];
    }

    private LearningRateAdaptation(LearningRateAdaptation o) {
        expectedMean = o.expectedMean.clone();
        expectedSigma = o.expectedSigma.clone();
        varianceMean = o.varianceMean;
        varianceSigma = o.varianceSigma;
        etaMean = o.etaMean;
        etaSigma = o.etaSigma;
    }

    LearningRateAdaptation copy() {
        return new LearningRateAdaptation(this);
    }

    double etaMean() {
        return etaMean;
    }

    double etaSigma() {
        return etaSigma;
    }

    /** Re-applies the update that took the model from the old mean, sigma and covariance, with adapted rates. */
    void adapt(CmaEvolution model, double[] oldMean, double oldSigma, double[][] oldCov, double[][] oldAxes,
               double[] oldScales) {
        int n = model.n;
        double[][] invSqrt = new double[n][n]; // (old sigma^2 C)^(-1/2)
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += oldAxes[i][k] * oldAxes[j][k] / oldScales[k];
                }
                invSqrt[i][j] = s / oldSigma;
            }
        }
        double[] deltaMean = new double[n];
        for (int i = 0; i < n; i++) {
            deltaMean[i] = model.mean[i] - oldMean[i];
        }
        double s2 = model.sigma * model.sigma;
        double old2 = oldSigma * oldSigma;
        double[][] deltaSigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                deltaSigma[i][j] = s2 * model.cov[i][j] - old2 * oldCov[i][j];
            }
        }
        double[] localMean = multiply(invSqrt, deltaMean);
        double[][] localSigma = multiply(multiply(invSqrt, deltaSigma), invSqrt);
        double normMean = 0;
        for (int i = 0; i < n; i++) {
            expectedMean[i] = (1 - BETA_MEAN) * expectedMean[i] + BETA_MEAN * localMean[i];
            normMean += localMean[i] * localMean[i];
        }
        double normSigma = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = localSigma[i][j] / Math.sqrt(2);
                expectedSigma[i * n + j] = (1 - BETA_SIGMA) * expectedSigma[i * n + j] + BETA_SIGMA * v;
                normSigma += v * v;
            }
        }
        varianceMean = (1 - BETA_MEAN) * varianceMean + BETA_MEAN * normMean;
        varianceSigma = (1 - BETA_SIGMA) * varianceSigma + BETA_SIGMA * normSigma;
        double snrMean = snr(squaredNorm(expectedMean), varianceMean, BETA_MEAN);
        double snrSigma = snr(squaredNorm(expectedSigma), varianceSigma, BETA_SIGMA);
        double beforeEtaMean = etaMean;
        etaMean = next(etaMean, snrMean, BETA_MEAN);
        etaSigma = next(etaSigma, snrSigma, BETA_SIGMA);

        double[][] sigmaMatrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            model.mean[i] = oldMean[i] + etaMean * deltaMean[i];
            for (int j = 0; j < n; j++) {
                sigmaMatrix[i][j] = old2 * oldCov[i][j] + etaSigma * deltaSigma[i][j];
            }
        }
        double logDet = 0;
        for (double e : SymmetricEigen.of(sigmaMatrix).values()) {
            logDet += Math.log(Math.max(e, 1e-300));
        }
        double sigma = Math.min(Math.exp(logDet / 2 / n), 1e32);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                model.cov[i][j] = sigmaMatrix[i][j] / (sigma * sigma);
            }
        }
        model.sigma = sigma * beforeEtaMean / etaMean;
        model.covarianceChanged();
    }

    private static double snr(double squaredNormOfMean, double variance, double beta) {
        return (squaredNormOfMean - beta / (2 - beta) * variance) / (variance - squaredNormOfMean);
    }

    private static double next(double eta, double snr, double beta) {
        double relative = Math.max(-1, Math.min(1, snr / ALPHA / eta - 1));
        if (Double.isNaN(relative)) {
            return eta;
        }
        return Math.min(eta * Math.exp(Math.min(GAMMA * eta, beta) * relative), 1.0);
    }

    private static double squaredNorm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int k = 0; k < v.length; k++) {
                s += m[i][k] * v[k];
            }
            out[i] = s;
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }
}
