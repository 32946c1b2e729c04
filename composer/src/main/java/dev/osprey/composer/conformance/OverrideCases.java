package dev.osprey.composer.conformance;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.OverrideParseException;
import dev.osprey.composer.override.Overrides;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cases of {@code overrides.jsonl}: one override, and what Hydra 1.4 parsed from it — kind, key,
 * package, key element, value type, typed value, canonical value string and sweep strings — or its
 * error message.
 */
final class OverrideCases {

    static final String CORPUS = "overrides";

    /** Cases treated differently on purpose, by input, with the reason (listed in docs/hydra-conformance.md). */
    static final Map<String, String> DELIBERATE_DEVIATIONS = Map.of("x=range(false,true)",
            "a bool bound of a range is stored as the int it stands for (Hydra keeps False/True in the range and"
                    + " enumerates the same ints 0, 1, ...): a range's bounds are numbers");

    private OverrideCases() {
    }

    @SuppressWarnings("unchecked")
    static CaseResult check(Map<String, Object> testCase) {
        String input = (String) testCase.get("input");
        if (DELIBERATE_DEVIATIONS.containsKey(input)) {
            return CaseResult.skipped(CORPUS, input, DELIBERATE_DEVIATIONS.get(input));
        }
        try {
            compare(input, (Map<String, Object>) testCase.get("expect"));
            return CaseResult.passed(CORPUS, input);
        } catch (Mismatch m) {
            return CaseResult.failed(CORPUS, input, m.getMessage());
        } catch (RuntimeException e) {
            return CaseResult.failed(CORPUS, input, "unexpected " + e);
        }
    }

    private static void compare(String input, Map<String, Object> expect) {
        SplittableRandom random = new SplittableRandom(7);
        if (Boolean.TRUE.equals(expect.get("error"))) {
            try {
                ConfigOverride parsed = Overrides.parse(input, random);
                throw new Mismatch("an error is expected, but it parsed as " + parsed.kind() + " " + parsed.key());
            } catch (OverrideParseException e) {
                // Osprey may follow Hydra's text with a hint on the next line
                String reason = e.reason();
                Object expected = expect.get("message");
                if (expected instanceof String text && reason.startsWith(text + "\n")) {
                    reason = text;
                }
                Mismatch.check("error message", expected, reason);
                return;
            }
        }
        ConfigOverride parsed = Overrides.parse(input, random);
        Mismatch.check("kind", expect.get("kind"), parsed.kind().name().toLowerCase(Locale.ROOT));
        Mismatch.check("key", expect.get("key"), parsed.key());
        Mismatch.check("package", expect.get("package"), parsed.packageName());
        Mismatch.check("key_element", expect.get("key_element"), parsed.keyElement());
        Mismatch.check("value_type", expect.get("value_type"),
                parsed.valueType() == null ? null : parsed.valueType().name().toLowerCase(Locale.ROOT));
        if (!expect.containsKey("value")) {
            Mismatch.check("value", null, parsed.value());
        } else if (expect.get("value") instanceof Map<?, ?> m && m.containsKey("permutation_of")) {
            if (!(parsed.value() instanceof Element.ListValue list)) {
                throw new Mismatch("value: expected a list, got " + parsed.value());
            }
            Mismatch.check("value (any permutation)", sorted((List<?>) m.get("permutation_of")),
                    sorted((List<?>) CorpusEncoding.encode(list)));
        } else {
            Mismatch.check("value", normalize(expect.get("value")), normalize(CorpusEncoding.encode(parsed.value())));
        }
        if (expect.get("value_str") != null) {
            Mismatch.check("value_str", expect.get("value_str"), parsed.valueString());
        }
        if (expect.containsKey("sweep_strings")) {
            Mismatch.check("sweep_strings", expect.get("sweep_strings"), parsed.sweepStrings(random));
        }
        if (expect.containsKey("sweep_strings_any_order")) {
            Mismatch.check("sweep_strings_any_order", sorted((List<?>) expect.get("sweep_strings_any_order")),
                    sorted(parsed.sweepStrings(random)));
        }
    }

    private static Object normalize(Object encoded) {
        return CorpusJson.parse(CorpusJson.write(encoded));
    }

    private static List<String> sorted(List<?> items) {
        List<String> texts = new ArrayList<>();
        items.forEach(i -> texts.add(CorpusJson.write(i)));
        texts.sort(Comparator.naturalOrder());
        return texts;
    }
}
