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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failure-file rules of {@link ProgramOutcome}: a reason the program wrote starts the error of
 * a failed job, fails a job that exited 0, and leaves an interrupted job cancelled. (The other
 * rules, and that the wrapper script decides the same, are checked by the launchers' tests and
 * {@code JobWrapperTest}.)
 */
class ProgramOutcomeTest {

    @TempDir
    Path dir;

    private JobFiles files() {
        return new JobFiles(dir);
    }

    private JobResult decide(int exitCode, double... printed) {
        Optional<List<Double>> last = printed.length == 0 ? Optional.empty()
                : Optional.of(java.util.Arrays.stream(printed).boxed().toList());
        return ProgramOutcome.decide(0, exitCode, last, files(), Duration.ZERO);
    }

    private void failure(String text) throws IOException {
        Files.writeString(files().failure(), text);
    }

    @Test
    void aReasonStartsTheErrorOfANonZeroExitWhichKeepsItsCodeAndStderr() throws IOException {
        failure("dataset not found: data/train.csv\n");
        Files.writeString(files().stderr(), "Traceback (most recent call last):\nFileNotFoundError\n");
        JobResult result = decide(2);
        assertEquals(JobStatus.FAILED, result.status());
        assertEquals("dataset not found: data/train.csv (exited with code 2); stderr ends with:\n"
                + "Traceback (most recent call last):\nFileNotFoundError", result.error());
        assertEquals(2, result.exitCode().orElseThrow());
    }

    @Test
    void aReasonFailsAProgramThatExitedZeroWhateverItReported() throws IOException {
        failure("diverged at epoch 3");
        Files.writeString(files().objective(), "0.25\n");
        Files.writeString(files().stderr(), "warning\n");
        JobResult result = decide(0, 0.5);
        assertEquals(JobStatus.FAILED, result.status());
        assertEquals("diverged at epoch 3", result.error());
        assertTrue(result.values().isEmpty());
        assertEquals(0, result.exitCode().orElseThrow());
        assertFalse(ProgramOutcome.endedWithoutObjective(result), "a reason is not a run without an objective");
    }

    @Test
    void anInterruptedProgramStaysCancelledWhateverItsReason() throws IOException {
        failure("stopped by the user");
        JobResult result = decide(ProgramOutcome.INTERRUPTED_EXIT_CODE);
        assertEquals(JobStatus.CANCELLED, result.status());
        assertEquals("interrupted", result.error());
    }

    @Test
    void withoutAReasonTheRulesAreThoseOfBefore() throws IOException {
        assertEquals("exited with code 3", decide(3).error());
        assertEquals(List.of(0.5), decide(0, 0.5).values());
        failure(" \n\t\n");
        assertEquals("exited with code 3", decide(3).error(), "a file of blank lines gives no reason");
        assertEquals(List.of(0.5), decide(0, 0.5).values());
        assertEquals(Optional.empty(), ProgramOutcome.failureReason(files()));
    }

    @Test
    void theReasonIsTheLastNonEmptyLineWithoutTheSpacesAroundIt() throws IOException {
        failure("loading data\r\n  out of memory on GPU 0 \t\n\n   \n");
        assertEquals(Optional.of("out of memory on GPU 0"), ProgramOutcome.failureReason(files()));
    }

    @Test
    void aLongReasonIsCutAndSaysSo() throws IOException {
        failure("x".repeat(ProgramOutcome.FAILURE_REASON_LIMIT));
        assertEquals("x".repeat(ProgramOutcome.FAILURE_REASON_LIMIT), ProgramOutcome.failureReason(files()).orElseThrow());
        failure("x".repeat(ProgramOutcome.FAILURE_REASON_LIMIT + 1));
        String cut = ProgramOutcome.failureReason(files()).orElseThrow();
        assertEquals(ProgramOutcome.FAILURE_REASON_LIMIT, cut.length());
        assertTrue(cut.endsWith("x..."), cut);
    }

    @Test
    void aLongReasonIsNeverCutInsideACharacter() throws IOException {
        // 150 + 2 × 100 chars: the 74th emoji would end past the 297th char, so 73 are kept
        failure("é".repeat(150) + "😀".repeat(100));
        assertEquals("é".repeat(150) + "😀".repeat(73) + "...", ProgramOutcome.failureReason(files()).orElseThrow());
    }

    @Test
    void bytesThatAreNotUtf8DoNotHideTheReason() throws IOException {
        Files.write(files().failure(), new byte[] {'b', 'a', 'd', ' ', (byte) 0xff, '\n'});
        assertEquals(Optional.of("bad \uFFFD"), ProgramOutcome.failureReason(files()));
    }

    @Test
    void theProgramIsToldWhereToWriteItsReason() {
        dev.osprey.launchers.Job job = dev.osprey.launchers.Job.of(3, dev.osprey.launchers.Task.Program.of("train"),
                dev.osprey.composer.config.Config.empty(), List.of(), dir);
        assertEquals(dir.resolve("failure.txt").toString(),
                ProgramCommand.environment(dev.osprey.launchers.Task.Program.of("train"), job).get("OSPREY_FAILURE_FILE"));
    }
}
