package dev.osprey.composer.override;

import dev.osprey.composer.ConformanceCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Runs every case of {@code conformance/hydra/overrides.jsonl} (Hydra's own parser tests and docs
 * examples, with the outcomes of Hydra 1.4) through {@link Overrides#parse}: the kind, key, package,
 * key element, value type, typed value, canonical value string and sweep strings must match, and
 * every error must be an error with Hydra's message (the checks are in
 * {@code dev.osprey.composer.conformance}, shared with the conformance benchmark).
 */
class OverrideConformanceTest {

    @TestFactory
    Stream<DynamicTest> overrides() {
        return ConformanceCorpus.tests("overrides.jsonl");
    }
}
