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
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.GlobSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Text forms that Hydra's messages and functions produce through Python: type names, {@code repr}
 * of strings and values, and {@code json.dumps} (the default settings: {@code ", "} and
 * {@code ": "} separators, ASCII only, {@code NaN}/{@code Infinity} for non-finite floats).
 */
final class PyFormat {

    private PyFormat() {
    }

    /** The Python type name of a value, as Hydra's messages print it. */
    static String typeName(Value value) {
        return switch (value) {
            case IntValue i -> "int";
            case FloatValue f -> "float";
            case BoolValue b -> "bool";
            case NullValue n -> "NoneType";
            case StringValue s -> "str";
            case Interpolation i -> "str";
            case QuotedString q -> "QuotedString";
            case ListValue l -> "list";
            case DictValue d -> "dict";
            case ChoiceSweep c -> "ChoiceSweep";
            case RangeSweep r -> "RangeSweep";
            case IntervalSweep i -> "IntervalSweep";
            case GlobSweep g -> "Glob";
        };
    }

    /** Python's {@code repr(str)}. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /** Python's {@code repr} of a parsed value (used in {@code Invalid arguments: ...} messages). */
    static String repr(Value value) {
        return switch (value) {
            case IntValue i -> i.value().toString();
            case FloatValue f -> Numbers.repr(f.value());
            case BoolValue b -> b.value() ? "True" : "False";
            case NullValue n -> "None";
            case StringValue s -> repr(s.text());
            case Interpolation i -> repr(i.text());
            case QuotedString q -> "QuotedString(text=" + repr(q.text()) + ", quote=<Quote."
                    + (q.quote() == Element.Quote.SINGLE ? "single: 0" : "double: 1") + ">)";
            case ListValue l -> l.items().stream().map(PyFormat::repr).collect(Collectors.joining(", ", "[", "]"));
            case DictValue d -> d.entries().stream().map(e -> repr(e.key()) + ": " + repr(e.value()))
                    .collect(Collectors.joining(", ", "{", "}"));
            case ChoiceSweep c -> "ChoiceSweep(tags=" + tags(c.tags()) + ", list=" + repr(new ListValue(c.choices()))
                    + ", simple_form=" + pyBool(c.simpleForm()) + ", shuffle=" + pyBool(c.shuffle()) + ")";
            case RangeSweep r -> "RangeSweep(tags=" + tags(r.tags()) + ", start=" + repr(r.start()) + ", stop="
                    + repr(r.stop()) + ", step=" + repr(r.step()) + ", shuffle=" + pyBool(r.shuffle()) + ")";
            case IntervalSweep i -> "IntervalSweep(tags=" + tags(i.tags()) + ", start=" + repr(i.start())
                    + ", end=" + repr(i.end()) + ")";
            case GlobSweep g -> "Glob(include=" + strings(g.include()) + ", exclude=" + strings(g.exclude()) + ")";
        };
    }

    /** Python's {@code repr} of a tuple of values. */
    static String reprTuple(List<Value> values) {
        String body = values.stream().map(PyFormat::repr).collect(Collectors.joining(", "));
        return "(" + body + (values.size() == 1 ? ",)" : ")");
    }

    private static String pyBool(boolean b) {
        return b ? "True" : "False";
    }

    private static String tags(Set<String> tags) {
        return tags.isEmpty() ? "set()"
                : tags.stream().map(PyFormat::repr).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String strings(List<String> list) {
        return list.stream().map(PyFormat::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Python's {@code json.dumps} of an element whose quoted strings were already turned into plain text. */
    static String json(Element element) {
        return switch (element) {
            case NullValue n -> "null";
            case BoolValue b -> b.value() ? "true" : "false";
            case IntValue i -> i.value().toString();
            case FloatValue f -> jsonFloat(f.value());
            case StringValue s -> jsonString(s.text());
            case Interpolation i -> jsonString(i.text());
            case QuotedString q -> jsonString(q.text());
            case ListValue l -> l.items().stream().map(PyFormat::json).collect(Collectors.joining(", ", "[", "]"));
            case DictValue d -> d.entries().stream().map(e -> jsonKey(e.key()) + ": " + json(e.value()))
                    .collect(Collectors.joining(", ", "{", "}"));
        };
    }

    private static String jsonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Numbers.repr(d);
    }

    /** JSON object keys are strings: other primitive keys are converted as Python's json does. */
    private static String jsonKey(Element key) {
        return switch (key) {
            case StringValue s -> jsonString(s.text());
            case Interpolation i -> jsonString(i.text());
            case QuotedString q -> jsonString(q.text());
            case IntValue i -> jsonString(i.value().toString());
            case FloatValue f -> jsonString(jsonFloat(f.value()));
            case BoolValue b -> jsonString(b.value() ? "true" : "false");
            case NullValue n -> jsonString("null");
            case ListValue l -> throw PyError.typeError("keys must be str, int, float, bool or None, not list");
            case DictValue d -> throw PyError.typeError("keys must be str, int, float, bool or None, not dict");
        };
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder().append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
