package dev.osprey.composer.override;

import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/** The elements of discrete sweeps, in order or, for shuffled sweeps, in a fresh random order. */
final class Enumerations {

    private Enumerations() {
    }

    static List<Element> elements(ChoiceSweep choice, RandomGenerator random) {
        return maybeShuffled(choice.choices(), choice.shuffle(), random);
    }

    static List<Element> elements(RangeSweep range, RandomGenerator random) {
        List<Element> values;
        try {
            values = List.copyOf(Ranges.values(range));
        } catch (PyError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return maybeShuffled(values, range.shuffle(), random);
    }

    private static List<Element> maybeShuffled(List<Element> elements, boolean shuffle, RandomGenerator random) {
        if (!shuffle) {
            return elements;
        }
        List<Element> copy = new ArrayList<>(elements);
        Collections.shuffle(copy, random);
        return Collections.unmodifiableList(copy);
    }
}
