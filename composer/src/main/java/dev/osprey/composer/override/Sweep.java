package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.NumberValue;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of values to try for one key: {@code a,b,c}, {@code choice(...)}, {@code range(...)},
 * {@code interval(...)} or {@code glob(...)}. Sweeps carry optional string tags
 * ({@code tag(log, interval(1e-4, 1))}), advisory metadata for samplers; tags form a set,
 * kept sorted.
 *
 * @since 0.1
 */
public sealed interface Sweep extends Value {

    /** The tags, sorted; empty when untagged (always empty for {@link GlobSweep}). */
    Set<String> tags();

    private static Set<String> sortedTags(Set<String> tags) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /**
     * A choice among elements. {@code simpleForm} is true for {@code a,b,c} and false for
     * {@code choice(a,b,c)}; {@code shuffle} asks for a new random order at each enumeration.
     * Only {@code shuffle()} with no argument makes an empty choice.
     */
    record ChoiceSweep(List<Element> choices, boolean simpleForm, boolean shuffle, Set<String> tags)
            implements Sweep {
        public ChoiceSweep {
            choices = List.copyOf(choices);
            tags = sortedTags(tags);
        }

        ChoiceSweep withChoices(List<Element> newChoices) {
            return new ChoiceSweep(newChoices, simpleForm, shuffle, tags);
        }
    }

    /**
     * {@code start, start + step, ...} while below {@code stop} (above it for a negative step),
     * like Python's {@code range}: the stop is excluded. It is an int range when all three numbers
     * are ints; otherwise its values are floats computed in exact decimal arithmetic from the
     * numbers' shortest decimal forms ({@code range(0.1, 0.4, 0.1)} is 0.1, 0.2, 0.3).
     */
    record RangeSweep(NumberValue start, NumberValue stop, NumberValue step, boolean shuffle, Set<String> tags)
            implements Sweep {
        public RangeSweep {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
            Objects.requireNonNull(step, "step");
            tags = sortedTags(tags);
        }

        /** Whether all of start, stop and step are ints. */
        public boolean isIntRange() {
            return start instanceof IntValue && stop instanceof IntValue && step instanceof IntValue;
        }

        /**
         * The values, in order (shuffling is up to the enumerator).
         *
         * @throws IllegalArgumentException if the step is zero, or the range has more than ten million values
         */
        public List<NumberValue> values() {
            try {
                return Ranges.values(this);
            } catch (PyError e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        /**
         * How many values the range has, computed without enumerating them.
         *
         * @throws IllegalArgumentException if the step is zero
         */
        public long size() {
            try {
                return Ranges.count(this, false).longValueExact();
            } catch (PyError | ArithmeticException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        /**
         * The value at {@code index} ({@code 0 <= index < size()}), computed like the others: exact for
         * ints, from exact decimals for floats.
         */
        public NumberValue valueAt(long index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("index " + index + " of a range of " + size() + " values");
            }
            return Ranges.valueAt(this, index);
        }
    }

    /**
     * A continuous interval {@code start <= x < end}, not enumerable. Its bounds are floats, or ints
     * after {@code int(interval(...))}, which asks for an integer search space.
     */
    record IntervalSweep(NumberValue start, NumberValue end, Set<String> tags) implements Sweep {
        public IntervalSweep {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            tags = sortedTags(tags);
        }

        /** Whether both bounds are ints. */
        public boolean isIntInterval() {
            return start instanceof IntValue && end instanceof IntValue;
        }

        static IntervalSweep floats(double start, double end) {
            return new IntervalSweep(new FloatValue(start), new FloatValue(end), Set.of());
        }
    }

    /**
     * The options of a config group whose names match an {@code include} pattern and no
     * {@code exclude} pattern (shell-style {@code *}, {@code ?}, {@code [...]}), in sorted order.
     */
    record GlobSweep(List<String> include, List<String> exclude) implements Sweep {
        public GlobSweep {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }

        @Override
        public Set<String> tags() {
            return Set.of();
        }

        /** The names among {@code options} that this glob selects, in sorted order. */
        public List<String> filter(List<String> options) {
            return options.stream().sorted()
                    .filter(o -> Globs.matchesAny(o, include) && !Globs.matchesAny(o, exclude))
                    .toList();
        }
    }
}
