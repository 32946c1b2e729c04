package dev.osprey.optimizer.space;

import java.util.List;

/**
 * The set of values one parameter may take. Distributions are immutable values: two equal
 * distributions describe the same set, and a parameter keeps one distribution for a whole study.
 *
 * <p>Every value has an <em>internal representation</em>, a {@code double}: the number itself for
 * floats and ints, the index of the choice for categoricals. Samplers and storages work on the
 * internal representation; users see the external one.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /** Converts a user-facing value (a {@code Double}, an {@code Integer}, a choice) to its internal {@code double}. */
    double toInternal(Object externalValue);

    /** Converts an internal {@code double} back to the value the user sees. */
    Object toExternal(double internalValue);

    /** Whether the internal value lies in this distribution (within bounds, on the step grid, a valid choice index). */
    boolean contains(double internalValue);

    /** Whether the distribution has exactly one value (then nothing needs to be sampled). */
    boolean isSingle();

    /** A float distribution on {@code [low, high]}. */
    static FloatDistribution floats(double low, double high) {
        return new FloatDistribution(low, high, false, null);
    }

    /** A float distribution on {@code [low, high]}, sampled uniformly in {@code log}. */
    static FloatDistribution logFloats(double low, double high) {
        return new FloatDistribution(low, high, true, null);
    }

    /** A float distribution on {@code low, low + step, ..., high}. */
    static FloatDistribution steppedFloats(double low, double high, double step) {
        return new FloatDistribution(low, high, false, step);
    }

    /** An integer distribution on {@code low..high}, both included. */
    static IntDistribution ints(int low, int high) {
        return new IntDistribution(low, high, false, 1);
    }

    /** An integer distribution on {@code low..high}, sampled uniformly in {@code log}. */
    static IntDistribution logInts(int low, int high) {
        return new IntDistribution(low, high, true, 1);
    }

    /** A categorical distribution over the given choices (strings, numbers, booleans or null). */
    static CategoricalDistribution choices(List<?> choices) {
        return new CategoricalDistribution(new java.util.ArrayList<Object>(choices));
    }
}
