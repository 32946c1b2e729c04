package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The space NSGA-II crosses numeric parameters in, as Optuna's {@code _SearchSpaceTransform} with
 * logarithms and steps: a log-scaled parameter is its logarithm, and the bounds of integer and
 * stepped parameters widen by half a step so that every grid value has an equal share. Back in
 * the parameter's own terms, integer and stepped values round to the grid and clip to the bounds;
 * continuous values must lie within their bounds (the sampler tries other parents otherwise).
 */
final class ChildSpace {

    private final List<String> names = new ArrayList<>();
    private final List<Distribution> distributions = new ArrayList<>();

    /** The numeric, non-single parameters of {@code space}, in its order. */
    ChildSpace(Map<String, Distribution> space) {
        space.forEach((name, distribution) -> {
            if (!(distribution instanceof CategoricalDistribution)) {
                names.add(name);
                distributions.add(distribution);
            }
        });
    }

    List<String> names() {
        return names;
    }

    /** {@code [dimension][low, high]} in the transformed space. */
    double[][] bounds() {
        double[][] bounds = new double[names.size()][];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = switch (distributions.get(i)) {
                case FloatDistribution f when f.step() != null ->
                        new double[] {f.low() - f.step() / 2, f.high() + f.step() / 2};
                case FloatDistribution f when f.log() -> new double[] {Math.log(f.low()), Math.log(f.high())};
                case FloatDistribution f -> new double[] {f.low(), f.high()};
                case IntDistribution n when n.log() ->
                        new double[] {Math.log(n.low() - 0.5), Math.log(n.high() + 0.5)};
                case IntDistribution n -> new double[] {n.low() - n.step() / 2.0, n.high() + n.step() / 2.0};
                case CategoricalDistribution c -> throw new IllegalStateException("no categorical in a child space");
            };
        }
        return bounds;
    }

    /** A parameter's internal value in the transformed space. */
    double forward(int dimension, double internal) {
        return switch (distributions.get(dimension)) {
            case FloatDistribution f when f.log() && f.step() == null -> Math.log(internal);
            case IntDistribution n when n.log() -> Math.log(internal);
            default -> internal;
        };
    }

    /** A transformed value as the parameter's internal value, or NaN when a continuous value falls outside. */
    double backward(int dimension, double transformed) {
        Distribution distribution = distributions.get(dimension);
        return switch (distribution) {
            case FloatDistribution f when f.step() != null -> {
                double steps = Math.round((transformed - f.low()) / f.step());
                yield Math.min(f.high(), Math.max(f.low(), f.low() + steps * f.step()));
            }
            case FloatDistribution f -> {
                double value = f.log() ? Math.exp(transformed) : transformed;
                if (f.log() && value < f.low() && value >= f.low() * (1 - 1e-12)) {
                    value = f.low(); // exp(log(low)) may round below low: a parent's own value stays in
                }
                // as Optuna: a value just above high comes back just below it, one below low is out
                if (value > f.high()) {
                    value = Math.nextDown(f.high());
                }
                yield value >= f.low() ? value : Double.NaN;
            }
            case IntDistribution n -> {
                double value = n.log() ? Math.exp(transformed) : transformed;
                double steps = Math.round((value - n.low()) / n.step());
                yield Math.min(n.high(), Math.max(n.low(), n.low() + steps * n.step()));
            }
            case CategoricalDistribution c -> throw new IllegalStateException("no categorical in a child space");
        };
    }

    /** Clips a continuous value into its bounds: the fallback when no parents give an in-bounds child. */
    double clipped(int dimension, double transformed) {
        double[] bounds = bounds()[dimension];
        return backward(dimension, Math.min(bounds[1], Math.max(bounds[0], transformed)));
    }
}
