package dev.osprey.optimizer.space;


import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A choice among a fixed list of strings, numbers, booleans or null. The internal value of a
 * choice is its index. Numbers are normalised ({@code Long} for integral types, {@code Double}
 * otherwise) so that a distribution equals itself after a storage round trip.
 *
 * @param choices the choices, at least one, without duplicates
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    public CategoricalDistribution {
        Objects.requireNonNull(choices, "choices");
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a categorical distribution needs at least one choice");
        }
        List<Object> normalized = new ArrayList<>(choices.size());
        Set<Object> seen = new HashSet<>();
        for (Object choice : choices) {
            if (!(choice == null || choice instanceof String || choice instanceof Boolean
                    || choice instanceof Number)) {
                throw new IllegalArgumentException("categorical choices must be strings, numbers, booleans or null,"
                        + " but got " + choice + " of type " + choice.getClass().getName());
            }
            Object value = PlainValues.normalize(choice);
            if (!seen.add(value == null ? NullKey.INSTANCE : value)) {
                throw new IllegalArgumentException("categorical choices must be distinct, but " + choice
                        + " appears twice in " + choices);
            }
            normalized.add(value);
        }
        choices = Collections.unmodifiableList(normalized);
    }

    /** Convenience: {@code new CategoricalDistribution(List.of(a, b, c))}. */
    public static CategoricalDistribution of(Object... choices) {
        List<Object> list = new ArrayList<>(choices.length);
        Collections.addAll(list, choices);
        return new CategoricalDistribution(list);
    }

    /** The index of a choice, or -1; numbers compare by value after normalisation. */
    public int indexOf(Object choice) {
        if (!(choice == null || choice instanceof String || choice instanceof Boolean || choice instanceof Number)) {
            return -1;
        }
        return choices.indexOf(PlainValues.normalize(choice));
    }

    @Override
    public double toInternal(Object externalValue) {
        int index = indexOf(externalValue);
        if (index < 0) {
            throw new IllegalArgumentException("'" + externalValue + "' is not one of the choices " + choices);
        }
        return index;
    }

    @Override
    public Object toExternal(double internalValue) {
        return choices.get((int) internalValue);
    }

    @Override
    public boolean contains(double v) {
        return v == Math.rint(v) && v >= 0 && v < choices.size();
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }

    private enum NullKey { INSTANCE }
}
