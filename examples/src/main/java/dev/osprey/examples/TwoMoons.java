package dev.osprey.examples;

import java.util.SplittableRandom;

/** Two interleaved half circles with Gaussian noise: a small classification problem a linear model cannot solve. */
final class TwoMoons {

    private TwoMoons() {
    }

    static void generate(long seed, double noise, double[][] x, int[] y) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < x.length; i++) {
            double angle = Math.PI * random.nextDouble();
            boolean upper = i % 2 == 0;
            double px = upper ? Math.cos(angle) : 1 - Math.cos(angle);
            double py = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
            x[i] = new double[] {px + noise * gaussian(random), py + noise * gaussian(random)};
            y[i] = upper ? 0 : 1;
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
