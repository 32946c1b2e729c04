package dev.osprey.optimizer.internal;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

/**
 * Maps a numeric distribution onto {@code [0, 1]} and back, as Optuna's {@code _SearchSpaceTransform}
 * with {@code transform_0_1} does: log ranges in {@code ln x}, and stepped and integer ranges widened
 * by half a step on each side so that every grid point owns an equal share of the interval (unless
 * {@code widen} is false, for CMA-ES with margin, which handles the grid itself). Ranges wider than
 * {@code Double.MAX_VALUE} are handled by working on halves.
 *
 * @param distribution a float or int distribution
 * @param widen        whether stepped ranges get half a step more on each side
 */
public record UnitScale(Distribution distribution, boolean widen) {

    public UnitScale {
        if (distribution instanceof CategoricalDistribution) {
            throw new IllegalArgumentException("a unit scale needs a numeric distribution, but got " + distribution);
        }
    }

    /** The lower end of the range in the scaled coordinate ({@code ln} for log ranges). */
    double lower() {
        return switch (distribution) {
            case FloatDistribution f -> f.log() ? Math.log(f.low()) : f.low() - halfStep();
            case IntDistribution i -> i.log() ? Math.log(i.low() - halfStep()) : i.low() - halfStep();
            case CategoricalDistribution c -> throw new IllegalStateException("categorical " + c);
        };
    }

    /** The upper end of the range in the scaled coordinate. */
    double upper() {
        return switch (distribution) {
            case FloatDistribution f -> f.log() ? Math.log(f.high()) : f.high() + halfStep();
            case IntDistribution i -> i.log() ? Math.log(i.high() + halfStep()) : i.high() + halfStep();
            case CategoricalDistribution c -> throw new IllegalStateException("categorical " + c);
        };
    }

    /** The grid's step in internal units, or 0 for a continuous range. */
    public double step() {
        return switch (distribution) {
            case FloatDistribution f -> f.step() == null || f.log() ? 0 : f.step();
            case IntDistribution i -> i.log() ? 1 : i.step();
            case CategoricalDistribution c -> 0;
        };
    }

    /** Whether the range is a finite grid sampled linearly (integers or stepped floats, not log). */
    public boolean isLinearGrid() {
        return step() > 0 && !isLog();
    }

    private boolean isLog() {
        return distribution instanceof FloatDistribution f ? f.log() : ((IntDistribution) distribution).log();
    }

    private double halfStep() {
        return widen ? step() / 2 : 0;
    }

    /** The internal value as a point of {@code [0, 1]} (clipped). */
    public double toUnit(double internal) {
        double lo = lower();
        double hi = upper();
        double x = isLog() ? Math.log(internal) : internal;
        if (hi == lo) {
            return 0.5;
        }
        double u = (x / 2 - lo / 2) / (hi / 2 - lo / 2);
        return Math.min(1, Math.max(0, u));
    }

    /** The internal value at {@code u} (clipped to {@code [0, 1]}), on the grid and within the distribution's bounds. */
    public double fromUnit(double u) {
        double lo = lower();
        double hi = upper();
        double c = Double.isNaN(u) ? 0.5 : Math.min(1, Math.max(0, u));
        double x = (lo / 2 + c * (hi / 2 - lo / 2)) * 2;
        if (isLog()) {
            x = Math.exp(x);
        }
        return switch (distribution) {
            case FloatDistribution f -> {
                double v = x;
                if (f.step() != null && !f.log()) {
                    v = f.low() + Math.rint((x - f.low()) / f.step()) * f.step();
                }
                yield Math.min(f.high(), Math.max(f.low(), v));
            }
            case IntDistribution i -> {
                double v = i.log() ? Math.rint(x) : i.low() + Math.rint((x - i.low()) / i.step()) * i.step();
                yield Math.min(i.high(), Math.max(i.low(), v));
            }
            case CategoricalDistribution cat -> throw new IllegalStateException("categorical " + cat);
        };
    }
}
