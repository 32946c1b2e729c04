package dev.osprey.composer.override;

import dev.osprey.composer.ConformanceCorpus;
import dev.osprey.composer.override.Element.FloatValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-serialisation of values and the Python number semantics it relies on. */
class ValueStringsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0|0.0", "-0.0|-0.0", "1.0|1.0", "0.1|0.1", "1e-05|1e-05", "0.0001|0.0001", "1.5e-07|1.5e-07",
        "1e16|1e+16", "1234567890123456.0|1234567890123456.0", "10000000000.0|10000000000.0",
        "123456789.12345679|123456789.12345679", "1e300|1e+300", "-2.5e-10|-2.5e-10", "inf|inf", "-inf|-inf",
        "nan|nan", "0.30000000000000004|0.30000000000000004"})
    void floatsAreWrittenAsPythonRepr(String input, String repr) {
        Value value = Overrides.parse("x=" + input).value();
        assertEquals(repr, Overrides.valueString((Element) value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'it\\'s'", "'a \\'b\\' c'", "\"say \\\"hi\\\"\"", "'ends with \\\\'", "'\\\\\\''",
        "'c:\\temp\\new'", "''", "\"mixed 'quotes' \\\" here\"", "'${a.b}'", "'a,b=c'"})
    void quotedStringsRoundTrip(String quoted) {
        Element.QuotedString parsed = (Element.QuotedString) Overrides.parse("x=" + quoted).value();
        String written = Overrides.valueString(parsed);
        assertEquals(parsed, Overrides.parse("x=" + written).value(), written);
    }

    @Test
    void plainStringsEscapeSyntaxCharacters() {
        assertEquals("hello\\ world", Overrides.valueString(new Element.StringValue("hello world")));
        assertEquals("a\\,b\\=c\\:d\\(e\\)\\[f\\]\\{g\\}\\\\h\\\ti",
                Overrides.valueString(new Element.StringValue("a,b=c:d(e)[f]{g}\\h\ti")));
        assertEquals(new Element.StringValue("a,b=c:d(e)[f]{g}\\h\ti"),
                Overrides.parse("x=a\\,b\\=c\\:d\\(e\\)\\[f\\]\\{g\\}\\\\h\\\ti").value());
    }

    /**
     * Parsing the written text of a value gives the value back, for every valid element of the corpus,
     * except as documented: a string that reads as a number, bool or null comes back typed, an
     * interpolation comes back as a string, and a string with quote characters (made by functions
     * such as {@code json_str}) is not checked, since Hydra does not escape quotes.
     */
    @Test
    void writtenValuesParseBackOverTheCorpus() {
        int checked = 0;
        for (Map<String, Object> c : ConformanceCorpus.cases("overrides.jsonl")) {
            String input = (String) c.get("input");
            ConfigOverride parsed;
            try {
                parsed = Overrides.parse(input, new SplittableRandom(1));
            } catch (OverrideParseException e) {
                continue;
            }
            if (parsed.value() instanceof Element element && !hasStringWithQuotes(element)) {
                Element again = (Element) Overrides.parse("x=" + Overrides.valueString(element)).value();
                assertTrue(sameUpToTypedStrings(element, again), input + " came back as " + again);
                checked++;
            }
        }
        assertTrue(checked > 300, "elements checked: " + checked);
    }

    private static boolean sameUpToTypedStrings(Element original, Element again) {
        return switch (original) {
            case Element.StringValue s -> again.equals(s) || again.equals(typed(s.text()));
            case Element.Interpolation i -> again.equals(new Element.StringValue(i.text()));
            case Element.ListValue l -> again instanceof Element.ListValue m && l.items().size() == m.items().size()
                    && java.util.stream.IntStream.range(0, l.items().size())
                    .allMatch(k -> sameUpToTypedStrings(l.items().get(k), m.items().get(k)));
            case Element.DictValue d -> again instanceof Element.DictValue e && d.entries().size() == e.entries().size()
                    && java.util.stream.IntStream.range(0, d.entries().size()).allMatch(k ->
                    sameUpToTypedStrings(d.entries().get(k).key(), e.entries().get(k).key())
                            && sameUpToTypedStrings(d.entries().get(k).value(), e.entries().get(k).value()));
            default -> again.equals(original);
        };
    }

    private static boolean hasStringWithQuotes(Element element) {
        return switch (element) {
            case Element.StringValue s -> s.text().contains("'") || s.text().contains("\"");
            case Element.ListValue l -> l.items().stream().anyMatch(ValueStringsTest::hasStringWithQuotes);
            case Element.DictValue d -> d.entries().stream().anyMatch(e -> hasStringWithQuotes(e.value()));
            default -> false;
        };
    }

    /** What an unquoted string reads as when it is a single number, bool or null token. */
    private static Element typed(String text) {
        try {
            return (Element) Overrides.parse("x=" + text).value();
        } catch (OverrideParseException e) {
            return null;
        }
    }

    @Test
    void pythonStringConversions() {
        assertEquals(7, ((Element.IntValue) Overrides.parse("x=int(' 7 ')").value()).value().intValue());
        assertEquals(new FloatValue(10.0), Overrides.parse("x=float('1_0')").value());
        assertEquals(new FloatValue(Double.NEGATIVE_INFINITY), Overrides.parse("x=float('-Infinity')").value());
        assertEquals("ValueError while evaluating 'float('1_')': could not convert string to float: '1_'",
                assertThrows(OverrideParseException.class, () -> Overrides.parse("x=float('1_')")).reason());
        assertEquals("ValueError while evaluating 'int(\"it's\")': invalid literal for int() with base 10: \"it's\"",
                assertThrows(OverrideParseException.class, () -> Overrides.parse("x=int(\"it's\")")).reason());
    }

    @Test
    void floatRangesUseExactDecimals() {
        ConfigOverride range = Overrides.parse("x=range(0.1,0.4,0.1)");
        assertEquals(List.of("0.1", "0.2", "0.3"), range.sweepStrings(new SplittableRandom()));
        Sweep.RangeSweep sweep = (Sweep.RangeSweep) range.value();
        assertEquals(3, sweep.size());
        assertEquals(new FloatValue(0.3), sweep.valueAt(2));
    }

    @Test
    void shuffledSweepsFollowTheGivenGenerator() {
        ConfigOverride shuffled = Overrides.parse("x=shuffle(range(100))");
        List<String> first = shuffled.sweepStrings(new SplittableRandom(42));
        assertEquals(first, shuffled.sweepStrings(new SplittableRandom(42)));
        assertNotEquals(shuffled.sweepStrings(new SplittableRandom(43)), first);
        assertEquals(Overrides.parse("x=shuffle([1,2,3,4,5,6,7,8])", new SplittableRandom(5)).value(),
                Overrides.parse("x=shuffle([1,2,3,4,5,6,7,8])", new SplittableRandom(5)).value());
    }

    @Test
    void sortIsStableAndComparesNumbersByValue() {
        assertEquals(List.of("False", "0", "0.5", "True", "2"),
                Overrides.parse("x=sort(true, 2, 0.5, false, 0)").sweepStrings(new SplittableRandom()),
                "false == 0 keep their order; true == 1 sorts between 0.5 and 2");
        assertEquals(List.of("[1,2]", "[1,3]", "[2]"),
                Overrides.parse("x=sort(choice([2],[1,3],[1,2]))").sweepStrings(new SplittableRandom()));
    }

    @Test
    void repeatedDictKeysKeepTheFirstPositionAndTheLastValue() {
        assertEquals("{a:3,b:2}", Overrides.parse("x={a:1,b:2,a:3}").valueString());
        assertEquals("{1:c}", Overrides.parse("x={1: a, 1.0: b, true: c}").valueString());
    }
}
