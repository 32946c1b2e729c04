package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.Quote;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an element as the override text a job receives: text that the override grammar reads
 * back as the same value, of the same type. Unlike Hydra's text ({@link ValueStrings}), a string
 * never changes type on the way ({@code "10"} is written {@code '10'}), and a string that an
 * unquoted value cannot hold ({@code it's}, {@code ;x}, {@code é}) is quoted rather than written
 * as text that no longer parses. Deciding needs no parsing: the rules below are the lexer's.
 */
final class JobText {

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null");

    private JobText() {
    }

    /**
     * @throws IllegalArgumentException for a dict key that no override text can hold (a key is
     *                                  always unquoted)
     */
    static String of(Element element) {
        return switch (element) {
            case NullValue n -> "null";
            case BoolValue b -> b.value() ? "True" : "False";
            case IntValue i -> i.value().toString();
            case FloatValue f -> Numbers.repr(f.value());
            case StringValue s -> string(s.text());
            case QuotedString q -> ValueStrings.withQuotes(q);
            case Interpolation i -> isInterpolationToken(i.text()) ? i.text() : quoted(i.text());
            case ListValue l -> l.items().stream().map(JobText::of).collect(Collectors.joining(",", "[", "]"));
            case DictValue d -> d.entries().stream().map(e -> key(e.key()) + ":" + of(e.value()))
                    .collect(Collectors.joining(",", "{", "}"));
        };
    }

    /** A string unquoted (escaped as Hydra does) when that reads back as the same string, else quoted. */
    static String string(String text) {
        return readsAsUnquotedString(text) ? ValueStrings.escape(text) : quoted(text);
    }

    /** In the quote that needs fewer escapes, single when tied. */
    private static String quoted(String text) {
        Quote quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? Quote.DOUBLE : Quote.SINGLE;
        return ValueStrings.withQuotes(new QuotedString(text, quote));
    }

    /** Dict keys cannot be quoted in the grammar: a string key must read back unquoted. */
    private static String key(Element key) {
        return switch (key) {
            case StringValue s -> unquotedKey(s.text());
            case QuotedString q -> unquotedKey(q.text());
            case Interpolation i -> unquotedKey(i.text());
            default -> of(key);
        };
    }

    private static String unquotedKey(String text) {
        if (!readsAsUnquotedString(text)) {
            throw new IllegalArgumentException("the dict key '" + text + "' cannot be written in an override:"
                    + " dict keys are never quoted, so a string key must be letters, digits and _/-+.$%*@?| (or"
                    + " characters a backslash escapes), and must not read as a number, bool or null");
        }
        return ValueStrings.escape(text);
    }

    /**
     * Whether the escaped text lexes as tokens that make a string with this text: only characters
     * an unquoted value takes (as they are or escaped), no whitespace at either end (trimmed), and
     * not a single number, bool or null token. Escaping {@code {} } rules out an interpolation.
     */
    private static boolean readsAsUnquotedString(String text) {
        if (text.isEmpty() || isBlank(text.charAt(0)) || isBlank(text.charAt(text.length() - 1))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = Lexer.isLetter(c) || Lexer.isDigit(c) || c == '_'
                    || Lexer.UNQUOTED_CHARS.indexOf(c) >= 0 || Lexer.ESCAPABLE.indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        int length = text.length();
        return !KEYWORDS.contains(text.toLowerCase(Locale.ROOT))
                && Numbers.intLength(text, 0) != length && Numbers.floatLength(text, 0) != length;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code ${...}} with no {@code }} before the end: what the lexer reads as one interpolation. */
    private static boolean isInterpolationToken(String text) {
        return text.length() > 3 && text.startsWith("${") && text.indexOf('}') == text.length() - 1;
    }
}
