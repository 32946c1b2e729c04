package dev.osprey.composer;

import dev.osprey.composer.conformance.CaseResult;
import dev.osprey.composer.conformance.HydraConformance;
import org.junit.jupiter.api.DynamicTest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The Hydra conformance corpus of the test resources ({@code conformance/hydra/}), run through
 * {@link HydraConformance}: one JUnit dynamic test per case, a deliberate deviation showing as skipped.
 */
public final class ConformanceCorpus {

    private ConformanceCorpus() {
    }

    /** The corpus file or folder {@code part} ({@code overrides.jsonl}, {@code defaults}) on disk. */
    public static Path path(String part) {
        return resource("/conformance/hydra/" + part);
    }

    /**
     * A file of the project's own corpus ({@code conformance/osprey/}): cases in the same format, with
     * the outcomes of the real Hydra 1.3.2, for behaviours the public corpus does not cover.
     */
    public static Path projectPath(String file) {
        return resource("/conformance/osprey/" + file);
    }

    private static Path resource(String resource) {
        URL url = ConformanceCorpus.class.getResource(resource);
        assertNotNull(url, "missing test resource " + resource);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cases of a {@code .jsonl} corpus file. */
    public static List<Map<String, Object>> cases(String file) {
        return HydraConformance.readCases(path(file));
    }

    /** One dynamic test per case of {@code part}: it passes, or is skipped as a deliberate deviation. */
    public static Stream<DynamicTest> tests(String part) {
        return tests(path(part));
    }

    /** One dynamic test per case at {@code path}. */
    public static Stream<DynamicTest> tests(Path path) {
        return HydraConformance.run(path).stream().map(result -> DynamicTest.dynamicTest(
                displayName(result.name()), () -> {
                    assumeFalse(result.status() == CaseResult.Status.SKIPPED, result.detail());
                    assertEquals(CaseResult.Status.PASSED, result.status(), result.detail());
                }));
    }

    /** A test name that shows tabs, newlines and backslashes the way Java source would. */
    public static String displayName(String input) {
        StringBuilder out = new StringBuilder();
        for (char c : input.toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
