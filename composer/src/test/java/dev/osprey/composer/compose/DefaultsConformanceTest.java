package dev.osprey.composer.compose;

import dev.osprey.composer.ConformanceCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Runs every case of {@code conformance/hydra/defaults/}: composes the case's primary config from its
 * {@code conf/} tree with the overrides of {@code overrides.txt} and compares the result with
 * {@code expected.yaml} (values and key order), or the error message with {@code expected_error.txt}.
 */
class DefaultsConformanceTest {

    @TestFactory
    Stream<DynamicTest> defaults() {
        return ConformanceCorpus.tests("defaults");
    }
}
