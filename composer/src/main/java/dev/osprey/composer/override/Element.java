package dev.osprey.composer.override;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * One value: a primitive, a list or a dict. These are the values a job receives; a
 * {@link Sweep} enumerates elements.
 *
 * <p>Typing follows Hydra: a primitive made of a single token is typed ({@code 10} is an
 * {@link IntValue}, {@code 1e3} a {@link FloatValue}, {@code TRUE} a {@link BoolValue},
 * {@code null} a {@link NullValue}); anything else, including several tokens such as
 * {@code 10abc} or {@code a b}, is a string. Quoted strings keep their quote style so that they
 * can be written back as they came ({@link Overrides#valueString(Element)}).
 *
 * @since 0.1
 */
public sealed interface Element extends Value {

    /** An integer or a float, the bounds and steps of ranges and intervals. */
    sealed interface NumberValue extends Element permits IntValue, FloatValue {

        /** The number as a {@code double} (ints beyond the double range become infinite). */
        double doubleValue();
    }

    /** An integer of any size: {@code 10}, {@code -1}, {@code 1_000}, {@code int(1e100)}. */
    record IntValue(BigInteger value) implements NumberValue {
        public IntValue {
            Objects.requireNonNull(value, "value");
        }

        public static IntValue of(long value) {
            return new IntValue(BigInteger.valueOf(value));
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }
    }

    /** A double: {@code 3.14}, {@code 1e-5}, {@code inf}, {@code -inf}, {@code nan}. */
    record FloatValue(double value) implements NumberValue {
        @Override
        public double doubleValue() {
            return value;
        }
    }

    /** {@code true} or {@code false}, in any letter case. */
    record BoolValue(boolean value) implements Element {
    }

    /** {@code null}, in any letter case. */
    record NullValue() implements Element {
        public static final NullValue INSTANCE = new NullValue();
    }

    /** An unquoted string, already unescaped ({@code a\,b} is {@code "a,b"}). */
    record StringValue(String text) implements Element {
        public StringValue {
            Objects.requireNonNull(text, "text");
        }
    }

    /** How a quoted string was quoted. */
    enum Quote {
        SINGLE('\''), DOUBLE('"');

        private final char character;

        Quote(char character) {
            this.character = character;
        }

        /** The quote character. */
        public char character() {
            return character;
        }
    }

    /** A quoted string: its text (quotes removed, escaped quotes unescaped) and its quote style. */
    record QuotedString(String text, Quote quote) implements Element {
        public QuotedString {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(quote, "quote");
        }
    }

    /**
     * An unquoted value that is exactly one interpolation, such as {@code ${db.port}} or
     * {@code ${oc.env:USER,me}}. Everywhere else it is the string {@link #text()}: casts, sorting and
     * {@link Overrides#valueString} treat it as one. Strings that merely contain an interpolation
     * ({@code x_${a}}, {@code '${a}'}) are {@link StringValue}s and {@link QuotedString}s; the config
     * layer resolves all of them alike.
     */
    record Interpolation(String text) implements Element {
        public Interpolation {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A list: {@code [1,2,3]}, {@code []}. */
    record ListValue(List<Element> items) implements Element {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /**
     * A dict in insertion order: {@code {a:10,b:{c:1}}}. Keys are primitives: strings, ints, floats,
     * bools or null; a repeated key keeps its first position and takes its last value.
     */
    record DictValue(List<Entry> entries) implements Element {
        public DictValue {
            entries = List.copyOf(entries);
        }
    }

    /** One key-value pair of a {@link DictValue}. */
    record Entry(Element key, Element value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key instanceof ListValue || key instanceof DictValue) {
                throw new IllegalArgumentException("a dict key must be a primitive, but got " + key);
            }
        }
    }
}
