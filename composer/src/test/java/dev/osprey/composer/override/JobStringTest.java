package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.Entry;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text a job receives for an override reads back as the same value, of the same type. */
class JobStringTest {

    private static String job(Object value) {
        return Overrides.assignment("k", value).jobString();
    }

    /** What the grammar reads back from a job string, as a plain value. */
    private static Object readBack(String jobString) {
        return Overrides.plainValue((Element) Overrides.parse(jobString).value());
    }

    @Test
    void stringsStayStringsAndAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("k='10'", job("10"));
        assertEquals("k='true'", job("true"));
        assertEquals("k='null'", job("null"));
        assertEquals("k='1e-3'", job("1e-3"));
        assertEquals("k='inf'", job("inf"));
        assertEquals("k=''", job(""));
        assertEquals("k=hello\\ world", job("hello world"));
        assertEquals("k=a\\,b", job("a,b"));
        assertEquals("k='na\u00efve'", job("na\u00efve"));
        assertEquals("k=\"it's\"", job("it's"));
        assertEquals("k=';x'", job(";x"));
        assertEquals("k='`x`'", job("`x`"));
        assertEquals("k=' x'", job(" x"));
        assertEquals("k=model@v2", job("model@v2"));
    }

    @Test
    void numbersBoolsAndContainersKeepTheirType() {
        assertEquals("k=0.1", job(0.1f));
        assertEquals("k=1e-05", job(1e-5));
        assertEquals("k=True", job(true));
        assertEquals("k=null", job(null));
        assertEquals("k=[1,'2',3.5]", job(List.of(1, "2", 3.5)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lr", 0.01);
        map.put("name", "10");
        assertEquals("k={lr:0.01,name:'10'}", job(map));
    }

    @Test
    void keyElementsKeepTheirPrefixAndPackage() {
        assertEquals("model@backup=vit", Overrides.assignment("model@backup", "vit").jobString());
        assertEquals("+extra='x y;'", Overrides.assignment("+extra", "x y;").jobString());
        assertEquals("++a.b=1", Overrides.assignment("++a.b", 1).jobString());
        OverrideParseException e = assertThrows(OverrideParseException.class, () -> Overrides.assignment("a=b", 1));
        assertTrue(e.getMessage().contains("a=b"), e.getMessage());
    }

    @Test
    void aSweepsValueKeepsItsKindKeyAndPackage() {
        ConfigOverride sweep = Overrides.parse("+db@backup=choice(\"it's\", ';x')");
        List<String> jobs = sweep.sweepElements(new SplittableRandom()).stream()
                .map(value -> sweep.withValue(value).jobString()).toList();
        assertEquals(List.of("+db@backup=\"it's\"", "+db@backup=';x'"), jobs);
        assertEquals(List.of("it's", ";x"), jobs.stream().map(JobStringTest::readBack).toList());
    }

    @Test
    void parsedValuesAreWrittenAsTheyWereRead() {
        for (String input : List.of("a='it\\'s'", "a=\"x\\\"y\"", "a=${db.port}", "a=${oc.env:USER,me}", "~a", "~a=1",
                "a=extend_list(1,'x y')", "a={b c:1,2:x}", "a=[1,[2,{x:'10'}]]", "a=str(10)", "a= b ")) {
            ConfigOverride parsed = Overrides.parse(input);
            ConfigOverride again = Overrides.parse(parsed.jobString());
            assertEquals(parsed.kind(), again.kind(), input);
            assertEquals(parsed.value() == null ? null : Overrides.plainValue((Element) parsed.value()),
                    again.value() == null ? null : Overrides.plainValue((Element) again.value()), input);
        }
        assertEquals("a=${db.port}", Overrides.parse("a=${db.port}").jobString(), "an interpolation is written as it is");
        assertEquals("a='10'", Overrides.parse("a=str(10)").jobString(), "Hydra would write a=10, an int");
    }

    @Test
    void dictKeysThatNoTextCanHoldAreRejectedWithTheKey() {
        DictValue dict = new DictValue(List.of(new Entry(new StringValue("it's"), new StringValue("x"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigOverride.of(OverrideKind.CHANGE, "a", null, dict));
        assertTrue(e.getMessage().contains("'it's'") && e.getMessage().contains("never quoted"), e.getMessage());
    }

    @Test
    void codeMadeOverridesNeedAKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigOverride.of(OverrideKind.CHANGE, "a b", null, new StringValue("x")));
        assertTrue(e.getMessage().contains("'a b'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20260304})
    void randomStringsRoundTripWithTheirType(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "ab Z09_-.,:=()[]{}\\'\"$#%@/~+*?|;`!&<>^\t\n\u00e9\u4e2d\ud83d\ude00";
        for (int i = 0; i < 1000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(10);
            for (int j = 0; j < length; j++) {
                int at = random.nextInt(alphabet.length());
                text.append(Character.isHighSurrogate(alphabet.charAt(at)) ? alphabet.substring(at, at + 2)
                        : Character.isLowSurrogate(alphabet.charAt(at)) ? alphabet.substring(at - 1, at + 1)
                        : alphabet.substring(at, at + 1));
            }
            String value = text.toString();
            for (Element element : List.of(new StringValue(value), new QuotedString(value, Element.Quote.SINGLE),
                    new QuotedString(value, Element.Quote.DOUBLE))) {
                String written = ConfigOverride.of(OverrideKind.CHANGE, "k", null, element).jobString();
                Value back = Overrides.parse(written).value();
                assertTrue(back instanceof StringValue || back instanceof QuotedString || back instanceof Interpolation,
                        () -> "'" + value + "' written as " + written + " reads back as " + back);
                assertEquals(value, Overrides.plainValue((Element) back), () -> "written as " + written);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void randomDoublesAndNestedValuesRoundTrip(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double bits = Double.longBitsToDouble(random.nextLong());
            values.add(Double.isNaN(bits) ? 0.5 : bits);
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(-12, 20)));
            values.add(random.nextLong());
            values.add(List.of(random.nextInt(), Map.of("x", random.nextDouble()), List.of("[" + random.nextInt() + "]")));
        }
        for (Object value : values) {
            String written = job(value);
            assertEquals(Overrides.plainValue(Overrides.element(value)), readBack(written), () -> value + " as " + written);
        }
    }
}
