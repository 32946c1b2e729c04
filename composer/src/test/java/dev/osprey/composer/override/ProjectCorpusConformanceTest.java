package dev.osprey.composer.override;

import dev.osprey.composer.ConformanceCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Runs the project's own cases ({@code conformance/osprey/}): overrides the public corpus does not
 * cover (casts of tagged sweeps, large numbers, null choices, nested sweeps, mistyped tags) and
 * compositions ({@code defaults/}: interpolations in value overrides), each with the outcome of the
 * real Hydra 1.3.2, checked like the public corpus.
 */
class ProjectCorpusConformanceTest {

    @TestFactory
    Stream<DynamicTest> projectCases() {
        return ConformanceCorpus.tests(ConformanceCorpus.projectPath(""));
    }
}
