package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.Quote;
import dev.osprey.composer.override.Element.QuotedString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes plain Java values (a sampler's proposal) as override values that parse back to equal values.
 * Unlike the job strings of the basic sweeper, which copy Hydra's text exactly, these never change a
 * value's type on the way: a string that would read as another value ({@code "10"}, {@code "true"},
 * {@code "null"}, {@code "1e-3"}) or that holds characters an unquoted value cannot ({@code #},
 * {@code é}, a leading quote) is quoted; other strings are escaped as Hydra does
 * ({@code hello\ world}); doubles keep every digit (the shortest text that reads back as the same
 * double); a {@code float} is written as its own shortest decimal ({@code 0.1f} as {@code 0.1}).
 */
final class ProposalText {

    private ProposalText() {
    }

    static String of(Object value) {
        return switch (value) {
            case null -> "null";
            case Boolean b -> b ? "True" : "False";
            case Byte b -> b.toString();
            case Short s -> s.toString();
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case BigInteger b -> b.toString();
            case Double d -> Numbers.repr(d);
            case Float f -> Float.isFinite(f) ? Numbers.repr(new BigDecimal(Float.toString(f)).doubleValue())
                    : Numbers.repr(f.doubleValue());
            case CharSequence text -> string(text.toString());
            case Enum<?> e -> string(e.name());
            case Collection<?> items -> {
                StringJoiner out = new StringJoiner(",", "[", "]");
                items.forEach(item -> out.add(of(item)));
                yield out.toString();
            }
            case Map<?, ?> map -> {
                StringJoiner out = new StringJoiner(",", "{", "}");
                for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<?, ?> e = it.next();
                    out.add(key(e.getKey()) + ":" + of(e.getValue()));
                }
                yield out.toString();
            }
            default -> throw new IllegalArgumentException("a value of type " + value.getClass().getName()
                    + " cannot be written as an override value; use a string, number, boolean, null, enum,"
                    + " list or map");
        };
    }

    /** A dict key: strings only, so that {@code {10: x}} does not turn a string key into an int. */
    private static String key(Object key) {
        if (!(key instanceof CharSequence text)) {
            throw new IllegalArgumentException("map keys of override values must be strings, not " + key);
        }
        return string(text.toString());
    }

    /** The escaped text if it reads back as this string, else the text in quotes that does. */
    private static String string(String text) {
        String escaped = ValueStrings.escape(text);
        if (!text.isEmpty() && readsAs(escaped, text)) {
            return escaped;
        }
        for (Quote quote : Quote.values()) {
            String quoted = ValueStrings.withQuotes(new QuotedString(text, quote));
            if (readsAs(quoted, text)) {
                return quoted;
            }
        }
        throw new IllegalArgumentException("the string '" + text + "' cannot be written as an override value");
    }

    private static boolean readsAs(String valueText, String text) {
        try {
            Value value = Overrides.parse("k=" + valueText).value();
            return (value instanceof Element.StringValue s && s.text().equals(text))
                    || (value instanceof QuotedString q && q.text().equals(text));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
