package dev.osprey.composer.override;

import dev.osprey.composer.ConformanceCorpus;
import dev.osprey.optimizer.internal.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Runs every case of {@code conformance/hydra/overrides.jsonl} (Hydra's own parser tests and docs
 * examples, with the outcomes of Hydra 1.4) through {@link Overrides#parse}: the kind, key,
 * package, key element, value type, typed value, canonical value string and sweep strings must
 * match, and every error must be an error with Hydra's message.
 */
class OverrideConformanceTest {

    /**
     * Cases treated differently on purpose, by input, with the reason; each is listed in
     * docs/hydra-conformance.md and shows up as skipped.
     */
    static final Map<String, String> DELIBERATE_DEVIATIONS = Map.of();

    @TestFactory
    Stream<DynamicTest> overrides() {
        return ConformanceCorpus.cases("overrides.jsonl").stream().map(c -> DynamicTest.dynamicTest(
                ConformanceCorpus.displayName((String) c.get("input")),
                () -> check((String) c.get("input"), expectation(c))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectation(Map<String, Object> testCase) {
        return (Map<String, Object>) testCase.get("expect");
    }

    private static void check(String input, Map<String, Object> expect) {
        assumeFalse(DELIBERATE_DEVIATIONS.containsKey(input),
                () -> "deliberate deviation: " + DELIBERATE_DEVIATIONS.get(input));
        SplittableRandom random = new SplittableRandom(7);
        if (Boolean.TRUE.equals(expect.get("error"))) {
            OverrideParseException e = assertThrows(OverrideParseException.class, () -> Overrides.parse(input, random),
                    "an error is expected");
            assertEquals(expect.get("message"), e.reason(), "error message");
            return;
        }
        ConfigOverride parsed = Overrides.parse(input, random);
        assertEquals(expect.get("kind"), parsed.kind().name().toLowerCase(Locale.ROOT), "kind");
        assertEquals(expect.get("key"), parsed.key(), "key");
        assertEquals(expect.get("package"), parsed.packageName(), "package");
        assertEquals(expect.get("key_element"), parsed.keyElement(), "key_element");
        Object valueType = expect.get("value_type");
        assertEquals(valueType, parsed.valueType() == null ? null : parsed.valueType().name().toLowerCase(Locale.ROOT),
                "value_type");
        if (!expect.containsKey("value")) {
            assertNull(parsed.value(), "value");
        } else if (expect.get("value") instanceof Map<?, ?> m && m.containsKey("permutation_of")) {
            Element.ListValue list = assertInstanceOf(Element.ListValue.class, parsed.value(), "value");
            assertEquals(sorted((List<?>) m.get("permutation_of")), sorted((List<?>) CorpusEncoding.encode(list)),
                    "value (any permutation)");
        } else {
            assertEquals(normalize(expect.get("value")), normalize(CorpusEncoding.encode(parsed.value())), "value");
        }
        if (expect.get("value_str") != null) {
            assertEquals(expect.get("value_str"), parsed.valueString(), "value_str");
        }
        if (expect.containsKey("sweep_strings")) {
            assertEquals(expect.get("sweep_strings"), parsed.sweepStrings(random), "sweep_strings");
        }
        if (expect.containsKey("sweep_strings_any_order")) {
            assertEquals(sorted((List<?>) expect.get("sweep_strings_any_order")), sorted(parsed.sweepStrings(random)),
                    "sweep_strings_any_order");
        }
    }

    private static Object normalize(Object encoded) {
        return Json.parse(Json.write(encoded));
    }

    private static List<String> sorted(List<?> items) {
        List<String> texts = new ArrayList<>();
        items.forEach(i -> texts.add(Json.write(i)));
        texts.sort(Comparator.naturalOrder());
        return texts;
    }
}
