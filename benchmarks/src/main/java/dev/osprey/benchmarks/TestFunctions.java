package dev.osprey.benchmarks;

import dev.osprey.optimizer.Trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The quality suite's test functions (all minimised), exactly as {@code baselines/README.md}
 * defines them, plus the objectives that suggest their parameters in the listed order.
 */
public final class TestFunctions {

    /** Branin's minimum, {@code 5 / (4 pi)}. */
    public static final double BRANIN_MIN = 5.0 / (4.0 * Math.PI);

    /** One test function: its name, known optimum, objective and (for Branin) grid. */
    public record Function(String name, double optimum, ToDoubleFunction<Trial> objective,
                           Map<String, List<Double>> grid) {
    }

    private TestFunctions() {
    }

    /** The functions in report order. */
    public static List<Function> all() {
        Map<String, List<Double>> brGrid = Map.of("x0", linspace(-5, 10, 10), "x1", linspace(0, 15, 10));
        return List.of(
                new Function("branin", BRANIN_MIN, TestFunctions::branin, brGrid),
                new Function("rosenbrock5", 0.0, TestFunctions::rosenbrock5, null),
                new Function("synthetic_train", 0.0, TestFunctions::syntheticTrain, null));
    }

    public static double branin(double x0, double x1) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double q = x1 - b * x0 * x0 + c * x0 - 6;
        return q * q + 10 * (1 - t) * Math.cos(x0) + 10;
    }

    public static double rosenbrock(double... x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    public static double syntheticTrain(double lr, int nLayers, int units, String optimizer, double dropout) {
        double uStar;
        double base;
        switch (optimizer) {
            case "sgd" -> { uStar = -1.5; base = 0.15; }
            case "adam" -> { uStar = -3.0; base = 0.0; }
            case "rmsprop" -> { uStar = -3.5; base = 0.05; }
            default -> throw new IllegalArgumentException("unknown optimizer " + optimizer);
        }
        double u = Math.log10(lr);
        double v = Math.log(units) / Math.log(2);
        double dStar = 0.2 * (nLayers / 4.0) * (v / 7.0);
        double penalty = Math.max(0, u + 2.5 + 0.125 * nLayers);
        return base
                + 0.5 * sq(u - uStar)
                + 0.08 * sq(nLayers - 4)
                + 0.1 * sq(v - 7)
                + 2.0 * sq(dropout - dStar)
                + 0.3 * penalty * penalty;
    }

    static double branin(Trial t) {
        double x0 = t.suggestFloat("x0", -5, 10);
        double x1 = t.suggestFloat("x1", 0, 15);
        return branin(x0, x1);
    }

    static double rosenbrock5(Trial t) {
        double[] x = new double[5];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.suggestFloat("x" + i, -5, 10);
        }
        return rosenbrock(x);
    }

    static double syntheticTrain(Trial t) {
        double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
        int nLayers = t.suggestInt("n_layers", 1, 8);
        int units = t.suggestInt("units", 16, 512, true);
        String optimizer = t.suggestCategorical("optimizer", "sgd", "adam", "rmsprop");
        double dropout = t.suggestFloat("dropout", 0, 0.5);
        return syntheticTrain(lr, nLayers, units, optimizer, dropout);
    }

    /** {@code n} evenly spaced values from {@code low} to {@code high}, both included (numpy.linspace). */
    static List<Double> linspace(double low, double high, int n) {
        List<Double> out = new ArrayList<>(n);
        double step = (high - low) / (n - 1);
        for (int i = 0; i < n; i++) {
            out.add(i == n - 1 ? high : low + i * step);
        }
        return List.copyOf(out);
    }

    private static double sq(double x) {
        return x * x;
    }
}
