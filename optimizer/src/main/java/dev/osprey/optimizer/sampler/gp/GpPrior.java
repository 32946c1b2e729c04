package dev.osprey.optimizer.sampler.gp;

/**
 * The priors on the GP's hyperparameters that Optuna's GPSampler uses, as log densities up to
 * constants, on the raw (log) parameters {@code [ln θ_1..ln θ_d, ln s, ln(σ² - minNoise)]}:
 * {@code -(0.1/θ + 0.1 θ)} per inverse squared length scale (peaked at θ = 1),
 * Gamma(2, rate 1) on the kernel scale s, and Gamma(1.1, rate 30) on the noise variance σ².
 */
final class GpPrior {

    private GpPrior() {
    }

    /**
     * The log prior density at {@code raw}; adds its gradient (with respect to {@code raw}) to
     * {@code gradient}. With {@code fixedNoise} the raw vector has no noise entry.
     */
    static double logDensity(double[] raw, int dimensions, boolean fixedNoise, double minNoise, double[] gradient) {
        double logP = 0;
        for (int i = 0; i < dimensions; i++) {
            double theta = Math.exp(raw[i]);
            logP -= 0.1 / theta + 0.1 * theta;
            gradient[i] += 0.1 / theta - 0.1 * theta;
        }
        double s = Math.exp(raw[dimensions]);
        logP += Math.log(s) - s;
        gradient[dimensions] += 1 - s;
        if (!fixedNoise) {
            double excess = Math.exp(raw[dimensions + 1]);
            double noise = minNoise + excess;
            logP += 0.1 * Math.log(noise) - 30 * noise;
            gradient[dimensions + 1] += excess * (0.1 / noise - 30);
        }
        return logP;
    }
}
