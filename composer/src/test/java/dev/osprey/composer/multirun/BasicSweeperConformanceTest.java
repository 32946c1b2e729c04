package dev.osprey.composer.multirun;

import dev.osprey.composer.ConformanceCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Runs every case of {@code conformance/hydra/basic_sweeper.jsonl}: the overrides (sweeper params
 * first, then the command line) and a batch size, against the batches of job overrides Hydra's
 * basic sweeper launches. The one deliberate deviation ({@code ~a}) shows as skipped.
 */
class BasicSweeperConformanceTest {

    @TestFactory
    Stream<DynamicTest> basicSweeper() {
        return ConformanceCorpus.tests("basic_sweeper.jsonl");
    }
}
