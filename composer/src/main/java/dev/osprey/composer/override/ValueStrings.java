package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;

import java.util.stream.Collectors;

/**
 * Writes an element back as override text, exactly as Hydra hands it to jobs: {@code null},
 * {@code True}/{@code False}, ints in decimal, floats as Python's {@code repr}, quoted strings
 * re-quoted in their own style, unquoted strings with {@code \()[]{}:=,}, space and tab escaped
 * by a backslash, lists and dicts without spaces. Parsing the text gives back the same value,
 * except that a string which reads as a number, bool or null ({@code str(10)} gives {@code "10"},
 * written {@code 10}) comes back typed, an interpolation comes back as a string with the same
 * text, and quote characters in a string are not escaped (only functions such as {@code json_str}
 * make such strings; {@code "[1]"} is written {@code "\[1\]"}, which reads as a quoted string),
 * all as in Hydra.
 */
final class ValueStrings {

    private static final String SPECIAL = "\\()[]{}:=, \t";

    private ValueStrings() {
    }

    static String of(Element element) {
        return switch (element) {
            case NullValue n -> "null";
            case BoolValue b -> b.value() ? "True" : "False";
            case IntValue i -> i.value().toString();
            case FloatValue f -> Numbers.repr(f.value());
            case StringValue s -> escape(s.text());
            case Interpolation i -> escape(i.text());
            case QuotedString q -> withQuotes(q);
            case ListValue l -> l.items().stream().map(ValueStrings::of).collect(Collectors.joining(",", "[", "]"));
            case DictValue d -> d.entries().stream().map(e -> of(e.key()) + ":" + of(e.value()))
                    .collect(Collectors.joining(",", "{", "}"));
        };
    }

    /** Backslash-escapes the characters that would otherwise be read as syntax or trimmed. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Re-quotes a string: a quote of its kind becomes {@code \'}, and a run of {@code n} backslashes
     * right before such a quote, or before the closing quote, is doubled, so that the lexer's rule
     * (a quote ends the string after an even run of backslashes) gives back the same text.
     */
    static String withQuotes(QuotedString quoted) {
        char q = quoted.quote().character();
        String text = quoted.text();
        StringBuilder out = new StringBuilder(text.length() + 2).append(q);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                int run = 0;
                while (i + run < text.length() && text.charAt(i + run) == '\\') {
                    run++;
                }
                boolean beforeQuote = i + run == text.length() || text.charAt(i + run) == q;
                out.append("\\".repeat(beforeQuote ? 2 * run : run));
                i += run;
            } else {
                if (c == q) {
                    out.append('\\');
                }
                out.append(c);
                i++;
            }
        }
        return out.append(q).toString();
    }
}
