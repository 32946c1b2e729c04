package dev.osprey.optimizer.sampler.gp;

/**
 * A GP's hyperparameters: the kernel's inverse squared length scales and scale, and the
 * observation noise variance.
 */
record GpHyperparameters(double[] inverseSquaredLengthScales, double scale, double noise) {

    /** Optuna's noise floor, which also keeps the Cholesky factorisation of near-duplicate points stable. */
    static final double MIN_NOISE = 1e-6;

    /** Optuna's starting point: θ = 1, s = 1, σ² = 1 (or the floor for a deterministic objective). */
    static GpHyperparameters defaults(int dimensions, boolean deterministic) {
        double[] theta = new double[dimensions];
        java.util.Arrays.fill(theta, 1);
        return new GpHyperparameters(theta, 1, deterministic ? MIN_NOISE : 1);
    }

    int dimensions() {
        return inverseSquaredLengthScales.length;
    }

    MaternKernel kernel(boolean[] categorical) {
        return new MaternKernel(inverseSquaredLengthScales, scale, categorical);
    }

    /** {@code [ln θ.., ln s, ln(σ² - MIN_NOISE)]}, without the last entry when the noise is fixed. */
    double[] raw(boolean fixedNoise) {
        int d = dimensions();
        double[] raw = new double[d + (fixedNoise ? 1 : 2)];
        for (int i = 0; i < d; i++) {
            raw[i] = Math.log(inverseSquaredLengthScales[i]);
        }
        raw[d] = Math.log(scale);
        if (!fixedNoise) {
            raw[d + 1] = Math.log(Math.max(noise - MIN_NOISE, 1e-12));
        }
        return raw;
    }

    static GpHyperparameters fromRaw(double[] raw, int dimensions, boolean fixedNoise) {
        double[] theta = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            theta[i] = Math.exp(raw[i]);
        }
        double noise = fixedNoise ? MIN_NOISE : MIN_NOISE + Math.exp(raw[dimensions + 1]);
        return new GpHyperparameters(theta, Math.exp(raw[dimensions]), noise);
    }

    @Override
    public String toString() {
        return "GpHyperparameters[theta=" + java.util.Arrays.toString(inverseSquaredLengthScales)
                + ", scale=" + scale + ", noise=" + noise + "]";
    }
}
