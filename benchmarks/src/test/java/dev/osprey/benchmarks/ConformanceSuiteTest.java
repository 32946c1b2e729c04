package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conformance suite counts passes and failures and ends its report with them. */
class ConformanceSuiteTest {

    @TempDir
    Path dir;

    @Test
    void countsPassesAndFailuresOfTheGivenFiles() throws IOException {
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, "{\"input\": \"a=1\", \"expect\": {\"kind\": \"change\", \"key\": \"a\", \"package\": null,"
                + " \"key_element\": \"a\", \"value_type\": \"element\", \"value\": 1}}\n"
                + "{\"input\": \"a=1\", \"expect\": {\"kind\": \"delete\", \"key\": \"a\", \"package\": null,"
                + " \"key_element\": \"a\", \"value_type\": \"element\", \"value\": 1}}\n");
        ConformanceSuite.Outcome outcome = ConformanceSuite.run(List.of(file), dir, line -> { });
        assertEquals("1 passed, 1 failed", outcome.closingLine());
        assertEquals("cases.jsonl", outcome.rows().getFirst().get("path"), "paths are shown relative");
        String md = ConformanceSuite.render(outcome);
        assertTrue(md.endsWith("\n1 passed, 1 failed\n"), md);
        assertTrue(md.contains("* `overrides` `a=1`: kind: expected <delete>, got <change>"), md);
    }

    @Test
    void theProjectCorpusIsFoundAndPasses() {
        Path corpus = ConformanceSuite.projectCorpus(Path.of(""));
        ConformanceSuite.Outcome outcome = ConformanceSuite.run(List.of(corpus), corpus.getParent(), line -> { });
        assertEquals(0, outcome.count(dev.osprey.composer.conformance.CaseResult.Status.FAILED),
                ConformanceSuite.render(outcome));
        assertEquals(3, outcome.rows().size(), "overrides, basic_sweeper and defaults");
        assertTrue(outcome.count(dev.osprey.composer.conformance.CaseResult.Status.PASSED) >= 683);
    }
}
