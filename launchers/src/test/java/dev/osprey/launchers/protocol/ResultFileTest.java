package dev.osprey.launchers.protocol;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a JSON result file gives (named values, constraints in their three forms, a plain list) and
 * the errors that name what was wrong. That the wrapper script reads the same files the same way
 * is {@code JobWrapperTest}'s part.
 */
class ResultFileTest {

    @TempDir
    Path dir;

    private JobResult decide(String resultFile, String stdout) throws IOException {
        JobFiles files = new JobFiles(dir);
        Files.writeString(files.objective(), resultFile);
        Files.writeString(files.stdout(), stdout);
        return ProgramOutcome.decide(0, 0, Optional.empty(), files, Duration.ZERO);
    }

    @Test
    void namedValuesAndConstraintsInTheLineForms() throws IOException {
        JobResult r = decide("{\"values\": {\"loss\": 0.1, \"latency_ms\": 12},\n \"constraints\": {"
                + "\"memory_gb\": {\"value\": 3.5, \"limit\": 16}, \"accuracy\": {\"value\": 0.75, \"at_least\": 0.5},"
                + " \"slack\": 0.25}}", "osprey:constraint slack -1\nosprey:constraint disk 2 <= 1\n");
        assertEquals(JobStatus.COMPLETED, r.status(), r.error());
        assertEquals(List.of("loss", "latency_ms"), r.names());
        assertEquals(List.of(0.1, 12.0), r.values());
        // stdout's constraints join the file's; the file wins for a name both give
        assertEquals(Map.of("slack", 0.25, "disk", 1.0, "memory_gb", -12.5, "accuracy", -0.25), r.constraints());
    }

    @Test
    void aPlainListIsPositionalAndBeatsNamedLines() throws IOException {
        JobResult r = decide("[0.5, 2e-3]\n", "osprey:objective loss 3\n");
        assertEquals(List.of(0.5, 0.002), r.values());
        assertEquals(List.of(), r.names());
        JobResult listed = decide("{\"values\": [1], \"constraints\": [0.5, -1]}", "");
        assertEquals(Map.of("0", 0.5, "1", -1.0), listed.constraints());
    }

    @Test
    void problemsNameWhatWasWrong() throws IOException {
        assertEquals("the objective 'loss' is NaN (from the result file objective.txt)",
                decide("{\"values\": {\"loss\": NaN}}", "").error());
        assertEquals("the objective is -inf (from the result file objective.txt)", decide("[1, -Infinity]", "").error());
        assertEquals("the constraint 'm' is +inf (from the result file objective.txt)",
                decide("{\"values\": [1], \"constraints\": {\"m\": {\"value\": 1, \"limit\": Infinity}}}", "").error());
        assertEquals("the constraint 'm' in the result file objective.txt needs \"value\" and one of \"limit\""
                + " (value <= limit) or \"at_least\" (value >= limit)",
                decide("{\"values\": [1], \"constraints\": {\"m\": {\"value\": 1}}}", "").error());
        assertEquals("the result file objective.txt has the field 'value'; it may hold \"values\" and"
                + " \"constraints\"", decide("{\"value\": [1]}", "").error());
        assertEquals("the result file objective.txt holds no values; write \"values\": [VALUE, ...] or"
                + " {\"NAME\": VALUE, ...}", decide("{\"constraints\": {\"m\": 1}}", "").error());
        assertEquals("the result file objective.txt has the name '9 lives'; a name is a letter or _, then"
                + " letters, digits, _ . or -", decide("{\"values\": {\"9 lives\": 1}}", "").error());
        assertEquals("the result file objective.txt holds '{\"values\": [1,]}', which is not a list of numbers"
                + " nor {\"values\": ..., \"constraints\": ...}", decide("{\"values\": [1,]}\n", "").error());
        for (JobResult r : List.of(decide("{\"values\": {\"loss\": \"0.1\"}}", ""), decide("[1] 2", ""),
                decide("[+1]", ""))) {
            assertEquals(JobStatus.FAILED, r.status());
        }
    }
}
