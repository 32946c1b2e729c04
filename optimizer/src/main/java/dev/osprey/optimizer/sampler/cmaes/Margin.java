package dev.osprey.optimizer.sampler.cmaes;

/**
 * CMA-ES with margin (Hamano, Saito, Nomura and Shirakawa, "CMA-ES with Margin: Lower-Bounding
 * Marginal Probability for Mixed-Integer Black-Box Optimization", GECCO 2022). A coordinate on a
 * grid of values is evaluated at the grid point whose cell contains it; without care, the
 * distribution's spread along such a coordinate collapses inside one cell and the value never
 * changes again. After each update this keeps the probability of leaving the mean's cell at least
 * {@code margin / 2} on each side, by moving the mean towards the cell's edge (for the cells at the
 * ends of the grid) or by stretching the coordinate with a per-coordinate factor {@code A}.
 */
final class Margin {

    private final double margin;
    /** For each coordinate, its grid points in the unit interval, or null for a continuous coordinate. */
    private final double[][] grids;
    /** For each coordinate, the boundaries between its grid's cells. */
    private final double[][] limits;
    private final double[] stretch;

    Margin(double[][] grids, double margin) {
        if (!(margin > 0 && margin < 0.5)) {
            throw new IllegalArgumentException("the margin must be in (0, 0.5), but got " + margin);
        }
        this.margin = margin;
        this.grids = grids;
        this.limits = new double[grids.length][];
        this.stretch = new double[grids.length];
        for (int i = 0; i < grids.length; i++) {
            stretch[i] = 1;
            if (grids[i] != null) {
                limits[i] = new double[grids[i].length - 1];
                for (int j = 0; j < limits[i].length; j++) {
                    limits[i][j] = (grids[i][j] + grids[i][j + 1]) / 2;
                }
            }
        }
    }

    private Margin(Margin o) {
        margin = o.margin;
        grids = o.grids;
        limits = o.limits;
        stretch = o.stretch.clone();
    }

    Margin copy() {
        return new Margin(this);
    }

    double stretch(int i) {
        return stretch[i];
    }

    /** The point to evaluate for a draw {@code x} of {@code model}: each grid coordinate on the grid point of its cell. */
    double[] encode(CmaEvolution model, double[] x) {
        double[] out = x.clone();
        for (int i = 0; i < x.length; i++) {
            if (grids[i] != null) {
                double v = (x[i] - model.mean[i]) * stretch[i] + model.mean[i];
                out[i] = grids[i][cell(limits[i], v)];
            }
        }
        return out;
    }

    /** The margin correction, after {@code model} was told a generation. */
    void correct(CmaEvolution model) {
        double sigma = model.sigma;
        double edgeDistance = Normal.quantile(1 - margin);
        for (int i = 0; i < grids.length; i++) {
            if (grids[i] == null) {
                continue;
            }
            double[] lim = limits[i];
            double m = model.mean[i];
            int p = cell(lim, m);
            double low = p == 0 ? lim[0] : lim[p - 1];
            double up = p == lim.length ? lim[lim.length - 1] : lim[p];
            double sd = model.axisScale(i);
            double scale = sigma * stretch[i] * sd;
            if (!(scale > 0)) {
                continue;
            }
            double lowCdf = Normal.cdf((low - m) / scale);
            double upCdf = 1 - Normal.cdf((up - m) / scale);
            double midCdf = 1 - (lowCdf + upCdf);
            boolean edge = Math.max(lowCdf, upCdf) > 0.5;
            if (edge && Math.min(lowCdf, upCdf) < margin) {
                model.mean[i] = up + Math.signum(m - up) * sigma * stretch[i] * sd * edgeDistance;
            }
            if (!edge) {
                double l = Math.max(lowCdf, margin / 2);
                double u = Math.max(upCdf, margin / 2);
                double rest = 1 - l - u - midCdf;
                double norm = l + midCdf + u - 1.5 * margin;
                double ml = clip(l + rest * (l - margin / 2) / norm);
                double mu = clip(u + rest * (u - margin / 2) / norm);
                double chiLow = Normal.quantile(1 - ml);
                double chiUp = Normal.quantile(1 - mu);
                stretch[i] = (up - low) / ((chiLow + chiUp) * sigma * sd);
                model.mean[i] = (low * chiUp + up * chiLow) / (chiLow + chiUp);
            }
        }
    }

    private static double clip(double p) {
        return Math.min(0.5 - 1e-10, Math.max(1e-10, p));
    }

    /** The index of the cell of {@code v}: how many boundaries lie below it. */
    private static int cell(double[] limits, double v) {
        int k = 0;
        while (k < limits.length && limits[k] < v) {
            k++;
        }
        return k;
    }
}
