package dev.osprey.optimizer.space;

/**
 * Integers on {@code low..high} (both included), optionally on a log scale or on the grid
 * {@code low + k * step}. A step that does not divide {@code high - low} lowers {@code high} to
 * the last grid point, with a warning.
 *
 * @param low  the smallest value
 * @param high the largest value, {@code >= low}
 * @param log  whether values are sampled uniformly in {@code log(x)}; needs {@code low >= 1} and step 1
 * @param step the grid spacing, at least 1
 */
public record IntDistribution(int low, int high, boolean log, int step) implements Distribution {

    private static final System.Logger LOG = System.getLogger(IntDistribution.class.getName());

    public IntDistribution {
        if (low > high) {
            throw new IllegalArgumentException(
                    "int distribution needs low <= high, but got low=" + low + " > high=" + high);
        }
        if (step < 1) {
            throw new IllegalArgumentException("int step must be at least 1, but got " + step);
        }
        if (log && step != 1) {
            throw new IllegalArgumentException(
                    "a log-scaled int distribution needs step 1, but got step=" + step);
        }
        if (log && low < 1) {
            throw new IllegalArgumentException(
                    "a log-scaled int distribution needs low >= 1, but got low=" + low);
        }
        long range = (long) high - low;
        if (range % step != 0) {
            int adjusted = (int) (low + (range / step) * step);
            LOG.log(System.Logger.Level.WARNING,
                    "the range [{0}, {1}] is not divisible by step {2}; high is lowered to {3}",
                    low, high, step, adjusted);
            high = adjusted;
        }
    }

    @Override
    public double toInternal(Object externalValue) {
        if (!(externalValue instanceof Number n)) {
            throw new IllegalArgumentException("an int parameter needs a number, but got " + externalValue);
        }
        double v = n.doubleValue();
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("an int parameter needs a whole number, but got " + externalValue);
        }
        return v;
    }

    @Override
    public Object toExternal(double internalValue) {
        return (int) Math.round(internalValue);
    }

    @Override
    public boolean contains(double v) {
        if (!(v >= low && v <= high) || v != Math.rint(v)) {
            return false;
        }
        return ((long) v - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }
}
