package dev.osprey.optimizer.space;

import java.math.BigDecimal;

/**
 * Floats on {@code [low, high]}, optionally on a log scale or on the grid {@code low + k * step}.
 *
 * <p>A step that does not divide {@code high - low} is handled as Optuna does: {@code high} is
 * lowered to the last grid point and a warning says so.
 *
 * @param low  the smallest value, finite
 * @param high the largest value, finite and {@code >= low}
 * @param log  whether values are sampled uniformly in {@code log(x)}; needs {@code low > 0}
 * @param step the grid spacing, or {@code null} for a continuous range; not allowed with {@code log}
 */
public record FloatDistribution(double low, double high, boolean log, Double step) implements Distribution {

    private static final System.Logger LOG = System.getLogger(FloatDistribution.class.getName());

    public FloatDistribution {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(
                    "float bounds must be finite numbers, but got low=" + low + ", high=" + high);
        }
        if (low > high) {
            throw new IllegalArgumentException(
                    "float distribution needs low <= high, but got low=" + low + " > high=" + high);
        }
        if (log && step != null) {
            throw new IllegalArgumentException(
                    "a float distribution cannot be both log-scaled and stepped (step=" + step + "); choose one");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(
                    "a log-scaled float distribution needs low > 0, but got low=" + low);
        }
        if (step != null) {
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("float step must be a positive finite number, but got " + step);
            }
            double adjusted = adjustHigh(low, high, step);
            if (adjusted != high) {
                LOG.log(System.Logger.Level.WARNING,
                        "the range [{0}, {1}] is not divisible by step {2}; high is lowered to {3}",
                        low, high, step, adjusted);
                high = adjusted;
            }
        }
    }

    /** The last grid point {@code <= high}, computed in exact decimal arithmetic. */
    private static double adjustHigh(double low, double high, double step) {
        BigDecimal lowD = new BigDecimal(Double.toString(low));
        BigDecimal range = new BigDecimal(Double.toString(high)).subtract(lowD);
        BigDecimal stepD = new BigDecimal(Double.toString(step));
        BigDecimal[] qr = range.divideAndRemainder(stepD);
        if (qr[1].signum() == 0) {
            return high;
        }
        return qr[0].multiply(stepD).add(lowD).doubleValue();
    }

    @Override
    public double toInternal(Object externalValue) {
        if (!(externalValue instanceof Number n)) {
            throw new IllegalArgumentException("a float parameter needs a number, but got " + externalValue);
        }
        return n.doubleValue();
    }

    @Override
    public Object toExternal(double internalValue) {
        return internalValue;
    }

    @Override
    public boolean contains(double v) {
        if (!(v >= low && v <= high)) {
            return false;
        }
        if (step == null) {
            return true;
        }
        double k = (v - low) / step;
        return Math.abs(k - Math.rint(k)) < 1e-8;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }
}
