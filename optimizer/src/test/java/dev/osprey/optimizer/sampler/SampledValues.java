package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assertions on suggested values, written from the definition of each distribution rather than
 * from {@link Distribution#contains}, so that a wrong {@code contains} cannot hide a wrong sample.
 */
public final class SampledValues {

    private SampledValues() {
    }

    /** Asserts that {@code value}, as returned by {@code Trial.suggest}, is a value of {@code distribution}. */
    public static void assertWithin(Distribution distribution, Object value) {
        switch (distribution) {
            case FloatDistribution f -> assertFloatWithin(f, value);
            case IntDistribution i -> assertIntWithin(i, value);
            case CategoricalDistribution c -> assertTrue(c.choices().contains(value),
                    () -> value + " is not one of the choices " + c.choices());
        }
    }

    /** Asserts that {@code value} is one of the very objects of {@code choices} (not merely an equal one). */
    public static void assertIsOneOf(List<?> choices, Object value) {
        assertTrue(choices.stream().anyMatch(choice -> choice == value),
                () -> value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")")
                        + " is not one of the objects of " + choices);
    }

    private static void assertFloatWithin(FloatDistribution f, Object value) {
        double v = assertInstanceOf(Double.class, value, "a float parameter is a Double");
        assertTrue(v >= f.low() && v <= f.high(), () -> v + " lies outside [" + f.low() + ", " + f.high() + "]");
        if (f.log()) {
            assertTrue(v >= f.low() && v > 0, () -> "log-scaled value " + v + " is below low " + f.low());
        }
        if (f.step() != null) {
            double k = (v - f.low()) / f.step();
            assertEquals(Math.rint(k), k, 1e-6,
                    () -> v + " is not on the grid " + f.low() + " + k * " + f.step());
        }
    }

    private static void assertIntWithin(IntDistribution i, Object value) {
        int v = assertInstanceOf(Integer.class, value, "an int parameter is an Integer");
        assertTrue(v >= i.low() && v <= i.high(), () -> v + " lies outside " + i.low() + ".." + i.high());
        assertEquals(0, ((long) v - i.low()) % i.step(),
                () -> v + " is not on the grid " + i.low() + " + k * " + i.step());
    }
}
