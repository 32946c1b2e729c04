package dev.osprey.composer.conformance;

import dev.osprey.composer.override.Element;
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
import dev.osprey.composer.override.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus' language-neutral value encoding (the corpus README, "Value encoding"),
 * built from parsed values as the plain Java objects the JSON reader produces, so that an
 * expected value and an actual one compare with {@code equals}.
 */
final class CorpusEncoding {

    private CorpusEncoding() {
    }

    static Object encode(Value value) {
        return switch (value) {
            case NullValue n -> null;
            case BoolValue b -> b.value();
            case IntValue i -> integer(i.value());
            case FloatValue f -> Map.of("float", floatValue(f.value()));
            case StringValue s -> s.text();
            case Interpolation i -> i.text();
            case QuotedString q -> Map.of("str", q.text(), "quote", q.quote() == Element.Quote.SINGLE ? "single" : "double");
            case ListValue l -> list(l.items());
            case DictValue d -> {
                List<Object> entries = new ArrayList<>();
                d.entries().forEach(e -> entries.add(Arrays.asList(encode(e.key()), encode(e.value()))));
                yield Map.of("dict", entries);
            }
            case ChoiceSweep c -> ordered("choice", list(c.choices()), "simple_form", c.simpleForm(),
                    "shuffle", c.shuffle(), "tags", List.copyOf(c.tags()));
            case RangeSweep r -> ordered("range", ordered("start", encode(r.start()), "stop", encode(r.stop()),
                    "step", encode(r.step())), "shuffle", r.shuffle(), "tags", List.copyOf(r.tags()));
            case IntervalSweep i -> ordered("interval", ordered("start", encode(i.start()), "end", encode(i.end())),
                    "tags", List.copyOf(i.tags()));
            case GlobSweep g -> Map.of("glob", Map.of("include", g.include(), "exclude", g.exclude()));
        };
    }

    private static List<Object> list(List<Element> items) {
        List<Object> out = new ArrayList<>();
        items.forEach(i -> out.add(encode(i)));
        return out;
    }

    private static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Object floatValue(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return d;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
