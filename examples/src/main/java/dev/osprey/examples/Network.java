package dev.osprey.examples;

import java.util.SplittableRandom;

/** A 2-input, one-hidden-layer (tanh) network with a sigmoid output, trained by back-propagation. */
final class Network {

    private final int hidden;
    private final double[][] w1;
    private final double[] b1;
    private final double[] w2;
    private double b2;

    Network(int hidden, SplittableRandom random) {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be at least 1, got " + hidden);
        }
        this.hidden = hidden;
        w1 = new double[hidden][2];
        b1 = new double[hidden];
        w2 = new double[hidden];
        for (int h = 0; h < hidden; h++) {
            w1[h][0] = random.nextDouble(-1, 1);
            w1[h][1] = random.nextDouble(-1, 1);
            w2[h] = random.nextDouble(-1, 1) / Math.sqrt(hidden);
        }
    }

    /** One gradient step on the samples {@code index[start..end)}, with L2 weight decay. */
    void step(double[][] x, int[] y, int[] index, int start, int end, double lr, double l2) {
        double[][] gw1 = new double[hidden][2];
        double[] gb1 = new double[hidden];
        double[] gw2 = new double[hidden];
        double gb2 = 0;
        double[] a = new double[hidden];
        for (int k = start; k < end; k++) {
            double[] in = x[index[k]];
            double p = forward(in, a);
            double d = p - y[index[k]];
            gb2 += d;
            for (int h = 0; h < hidden; h++) {
                gw2[h] += d * a[h];
                double dh = d * w2[h] * (1 - a[h] * a[h]);
                gw1[h][0] += dh * in[0];
                gw1[h][1] += dh * in[1];
                gb1[h] += dh;
            }
        }
        double scale = lr / (end - start);
        for (int h = 0; h < hidden; h++) {
            w2[h] -= scale * gw2[h] + lr * l2 * w2[h];
            w1[h][0] -= scale * gw1[h][0] + lr * l2 * w1[h][0];
            w1[h][1] -= scale * gw1[h][1] + lr * l2 * w1[h][1];
            b1[h] -= scale * gb1[h];
        }
        b2 -= scale * gb2;
    }

    /** Mean log-loss over samples {@code [from, to)}. */
    double logLoss(double[][] x, int[] y, int from, int to) {
        double[] a = new double[hidden];
        double sum = 0;
        for (int i = from; i < to; i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, forward(x[i], a)));
            sum -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / (to - from);
    }

    /** The fraction of {@code x[from..to)} classified right (probability above one half means class 1). */
    double accuracy(double[][] x, int[] y, int from, int to) {
        double[] a = new double[hidden];
        int right = 0;
        for (int i = from; i < to; i++) {
            right += (forward(x[i], a) > 0.5 ? 1 : 0) == y[i] ? 1 : 0;
        }
        return right / (double) (to - from);
    }

    /** The number of weights and biases: what the model weighs in memory, 8 bytes each. */
    int parameters() {
        return 4 * hidden + 1;
    }

    private double forward(double[] in, double[] a) {
        double z = b2;
        for (int h = 0; h < hidden; h++) {
            a[h] = Math.tanh(w1[h][0] * in[0] + w1[h][1] * in[1] + b1[h]);
            z += w2[h] * a[h];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
