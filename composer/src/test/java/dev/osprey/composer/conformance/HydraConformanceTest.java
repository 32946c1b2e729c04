package dev.osprey.composer.conformance;

import dev.osprey.composer.conformance.CaseResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The conformance checks themselves: a wrong expectation must fail, with what differed. */
class HydraConformanceTest {

    @TempDir
    Path dir;

    @Test
    void linesAreToldApartAndWrongExpectationsFail() throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"input\": \"a=1\", \"expect\": {\"kind\": \"change\", \"key\": \"a\", \"package\": null,"
                        + " \"key_element\": \"a\", \"value_type\": \"element\", \"value\": 1, \"value_str\": \"1\"}}",
                "{\"input\": \"a=1\", \"expect\": {\"kind\": \"add\", \"key\": \"a\", \"package\": null,"
                        + " \"key_element\": \"a\", \"value_type\": \"element\", \"value\": 1}}",
                "",
                "{\"input\": \"a=[1\", \"expect\": {\"error\": true, \"message\": \"something else\"}}",
                "{\"overrides\": [\"a=1,2\"], \"max_batch_size\": null, \"expect\": {\"batches\": [[[\"a=1\"], [\"a=2\"]]]}}",
                "{\"overrides\": [\"a=1,2\"], \"expect\": {\"batches\": [[[\"a=2\"], [\"a=1\"]]]}}",
                "{\"overrides\": [\"~a\"], \"expect\": {\"batches\": [[[\"~a=null\"]]]}}",
                "{\"what\": 1}"));
        List<CaseResult> results = HydraConformance.run(file);
        assertEquals(List.of(Status.PASSED, Status.FAILED, Status.FAILED, Status.PASSED, Status.FAILED, Status.SKIPPED,
                Status.FAILED), results.stream().map(CaseResult::status).toList());
        assertEquals("kind: expected <add>, got <change>", results.get(1).detail());
        assertEquals("error message: expected <something else>, got <no viable alternative at input '[1'>",
                results.get(2).detail());
        assertEquals("basic_sweeper", results.get(4).corpus());
        assertEquals("neither an override case ('input') nor a sweeper case ('overrides')", results.get(6).detail());
    }

    @Test
    void compositionCasesCompareTheConfigOrTheError() throws IOException {
        Path good = caseFolder("01_good", "a: 1\n", "expected.yaml", "a: 1\n");
        Path order = caseFolder("02_order", "a: 1\nb: 2\n", "expected.yaml", "b: 2\na: 1\n");
        Path error = caseFolder("03_error", "a: 1\n", "expected_error.txt", "Could not override 'x'.\n");
        Files.writeString(error.resolve("overrides.txt"), "x=1\n");
        List<CaseResult> results = HydraConformance.run(dir);
        assertEquals(List.of(Status.PASSED, Status.FAILED, Status.FAILED),
                results.stream().map(CaseResult::status).toList());
        assertEquals(List.of("01_good", "02_order", "03_error"), results.stream().map(CaseResult::name).toList());
        assertEquals(Status.PASSED, HydraConformance.checkComposition(good).status());
        assertEquals("composed config with its key order: expected <b: 2\na: 1\n>, got <a: 1\nb: 2\n>",
                HydraConformance.checkComposition(order).detail());
        assertEquals("error message: expected <Could not override 'x'.>, got <Could not override 'x'.\n"
                + "To append to your config use +x=1\n'x' is neither a key of the config nor a config group. Keys: a>",
                results.get(2).detail());
        assertThrows(IllegalArgumentException.class, () -> HydraConformance.run(dir.resolve("01_good/conf")));
    }

    private Path caseFolder(String name, String config, String expectedFile, String expected) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder.resolve("conf"));
        Files.writeString(folder.resolve("conf/config.yaml"), config);
        Files.writeString(folder.resolve("case.yaml"), "description: test\n");
        Files.writeString(folder.resolve(expectedFile), expected);
        return folder;
    }
}
