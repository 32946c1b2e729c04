package dev.osprey.optimizer.sampler.gp;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A compact projected L-BFGS for box-bounded minimisation: the L-BFGS two-loop direction (Nocedal,
 * "Updating quasi-Newton matrices with limited storage", Math. Comp. 35, 1980) over the variables
 * not held at a bound, then a backtracking Armijo search along the path projected onto the box (in
 * the spirit of L-BFGS-B: Byrd, Lu, Nocedal and Zhu, SIAM J. Sci. Comput. 16, 1995, without its
 * Cauchy-point subproblem). Unbounded variables take infinite bounds.
 */
final class BoundedQuasiNewton {

    /** A function to minimise: returns f(x) and writes ∇f(x) into {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** The result: the best point found, its value, and how many evaluations it took. */
    record Result(double[] x, double value, int evaluations) {
    }

    private static final int MEMORY = 8;

    private final double[] lower;
    private final double[] upper;
    private final int maxIterations;
    private final double gradientTolerance;

    BoundedQuasiNewton(double[] lower, double[] upper, int maxIterations, double gradientTolerance) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
    }

    Result minimize(Objective f, double[] start) {
        int d = start.length;
        double[] x = project(start.clone());
        double[] g = new double[d];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, evaluations);
        }
        Deque<double[][]> memory = new ArrayDeque<>();
        double[] xNew = new double[d];
        double[] gNew = new double[d];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            boolean[] free = new boolean[d];
            double pgMax = 0;
            for (int i = 0; i < d; i++) {
                boolean held = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
                free[i] = !held;
                if (!held) {
                    pgMax = Math.max(pgMax, Math.abs(g[i]));
                }
            }
            if (pgMax < gradientTolerance) {
                break;
            }
            double[] direction = direction(g, free, memory);
            double slope = dot(direction, g);
            if (!(slope < 0)) {
                memory.clear();
                direction = direction(g, free, memory);
                slope = dot(direction, g);
            }
            double step = memory.isEmpty() ? Math.min(1, 1 / Math.max(norm(direction), 1e-12)) : 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int halving = 0; halving < 30; halving++) {
                for (int i = 0; i < d; i++) {
                    xNew[i] = x[i] + step * direction[i];
                }
                project(xNew);
                double decrease = 0;
                for (int i = 0; i < d; i++) {
                    decrease += g[i] * (xNew[i] - x[i]);
                }
                fNew = f.evaluate(xNew, gNew);
                evaluations++;
                if (Double.isFinite(fNew) && allFinite(gNew) && fNew <= fx + 1e-4 * decrease) {
                    accepted = true;
                    break;
                }
                step /= 2;
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-10 * dot(y, y)) {
                if (memory.size() == MEMORY) {
                    memory.removeFirst();
                }
                memory.addLast(new double[][] {s, y});
            }
            boolean stalled = Math.abs(fx - fNew) <= 1e-10 * Math.max(1, Math.abs(fx));
            System.arraycopy(xNew, 0, x, 0, d);
            System.arraycopy(gNew, 0, g, 0, d);
            fx = fNew;
            if (stalled) {
                break;
            }
        }
        return new Result(x, fx, evaluations);
    }

    /** The L-BFGS direction {@code -H g} over the free variables (held ones get 0). */
    private static double[] direction(double[] g, boolean[] free, Deque<double[][]> memory) {
        int d = g.length;
        double[] q = new double[d];
        for (int i = 0; i < d; i++) {
            q[i] = free[i] ? g[i] : 0;
        }
        double[] alphas = new double[memory.size()];
        double[][][] stored = memory.toArray(double[][][]::new);
        for (int k = stored.length - 1; k >= 0; k--) {
            double[] s = stored[k][0];
            double[] y = stored[k][1];
            double rho = 1 / maskedDot(y, s, free);
            if (!Double.isFinite(rho) || rho <= 0) {
                continue;
            }
            alphas[k] = rho * maskedDot(s, q, free);
            for (int i = 0; i < d; i++) {
                if (free[i]) {
                    q[i] -= alphas[k] * y[i];
                }
            }
        }
        if (stored.length > 0) {
            double[] s = stored[stored.length - 1][0];
            double[] y = stored[stored.length - 1][1];
            double gamma = maskedDot(s, y, free) / maskedDot(y, y, free);
            if (Double.isFinite(gamma) && gamma > 0) {
                for (int i = 0; i < d; i++) {
                    q[i] *= gamma;
                }
            }
        }
        for (int k = 0; k < stored.length; k++) {
            double[] s = stored[k][0];
            double[] y = stored[k][1];
            double rho = 1 / maskedDot(y, s, free);
            if (!Double.isFinite(rho) || rho <= 0) {
                continue;
            }
            double beta = rho * maskedDot(y, q, free);
            for (int i = 0; i < d; i++) {
                if (free[i]) {
                    q[i] += (alphas[k] - beta) * s[i];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            q[i] = free[i] ? -q[i] : 0;
        }
        return q;
    }

    private double[] project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
        return x;
    }

    private static double maskedDot(double[] a, double[] b, boolean[] mask) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static boolean allFinite(double[] a) {
        return Arrays.stream(a).allMatch(Double::isFinite);
    }
}
