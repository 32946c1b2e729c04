package dev.osprey.launchers.internal;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.ObjectiveLines;
import dev.osprey.launchers.protocol.ProgramOutcome;
import dev.osprey.launchers.protocol.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wrapper script decides results exactly as {@link ProgramOutcome} does: each case runs the
 * same shell snippet once through the wrapper and once directly, decided in Java, and the
 * wrapper's {@code result.json}, read back by {@link ResultJson}, must say the same.
 */
class JobWrapperTest {

    @TempDir
    Path work;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("one number", "echo training; echo 0.25"),
                Arguments.of("several numbers", "echo '1, 2 3e-2'"),
                Arguments.of("number forms", "echo '+3 .5 5. -2.5E-3 1e5'"),
                Arguments.of("the last number line wins", "echo 1; echo 'epoch 2 loss 0.3'; echo 2; echo done"),
                Arguments.of("report lines are not objectives", "echo 0.5; echo 'osprey:report 1 0.7'"),
                Arguments.of("reports then a value", "echo 'osprey:report 0 9'; echo 'osprey:report 1 8'; echo 0.125"),
                Arguments.of("exit code and stderr", "echo 0.5; echo 'CUDA out of memory' >&2; exit 3"),
                Arguments.of("long stderr keeps its tail",
                        "i=0; while [ $i -lt 30 ]; do echo \"line $i\" >&2; i=$((i+1)); done; exit 1"),
                Arguments.of("json escapes", "printf 'a\\\\b \"q\"\\tz\\001 é ✓\\n' >&2; exit 2"),
                Arguments.of("no number", "echo hello"),
                Arguments.of("no output at all", "true"),
                Arguments.of("garbage next to a number", "echo 'abc 1'"),
                Arguments.of("lone comma", "echo ,"),
                Arguments.of("nan", "echo nan"),
                Arguments.of("NaN among numbers", "echo '1, NaN'"),
                Arguments.of("inf", "echo inf"),
                Arguments.of("-Infinity", "echo -Infinity"),
                Arguments.of("overflow is infinite", "echo 1e400"),
                Arguments.of("large and precise", "echo '123456789012345678 0.1 1e-300'"),
                Arguments.of("carriage returns end lines", "printf 'progress 10%%\\r0.75\\n'"),
                Arguments.of("no newline at the end", "printf 0.5"),
                Arguments.of("crlf", "printf '0.5\\r\\n'"),
                Arguments.of("objective file wins", "echo 9; echo 0.5 > objective.txt"),
                Arguments.of("objective file with blank lines", "printf '\\n 7 \\n\\n' > objective.txt"),
                Arguments.of("objective file garbage", "echo 1; echo oops > objective.txt"),
                Arguments.of("objective file long garbage",
                        "echo 1; i=0; while [ $i -lt 40 ]; do printf 'word ' >> objective.txt; i=$((i+1)); done"),
                Arguments.of("objective file empty", "echo 1; : > objective.txt"),
                Arguments.of("objective file nan", "echo nan > objective.txt"),
                Arguments.of("objective file last line counts", "printf '1\\n2\\n' > objective.txt"),
                Arguments.of("failure beats the objective file", "echo 1 > objective.txt; exit 4"),
                Arguments.of("a reason with a non-zero exit",
                        "echo 'dataset not found' > failure.txt; echo 'Traceback' >&2; exit 3"),
                Arguments.of("a reason fails an exit 0", "echo diverged > failure.txt; echo 0.5 > objective.txt; echo 1"),
                Arguments.of("a reason does not stop an interruption", "echo why > failure.txt; exit 130"),
                Arguments.of("the reason is the last non-empty line",
                        "printf 'first\\n  second \\t\\r\\n\\n  \\n' > failure.txt; exit 1"),
                Arguments.of("a blank failure file says nothing", "printf ' \\n\\n' > failure.txt; echo 0.5"),
                Arguments.of("a reason is cut at 300 characters",
                        "i=0; while [ $i -lt 301 ]; do printf x >> failure.txt; i=$((i+1)); done; exit 1"),
                // é (2 bytes, 1 char in Java), then 😀 (4 bytes, 2 chars)
                Arguments.of("a reason is cut between characters",
                        "i=0; while [ $i -lt 150 ]; do printf '\\303\\251' >> failure.txt; i=$((i+1)); done;"
                                + " while [ $i -lt 250 ]; do printf '\\360\\237\\230\\200' >> failure.txt; i=$((i+1)); done; exit 0"),
                Arguments.of("a reason with quotes and tabs", "printf 'bad \"lr\"\\tvalue\\n' > failure.txt; exit 2"),
                Arguments.of("named objectives", "echo 'osprey:objective loss 0.25'; echo 'osprey:objective latency_ms 12'"),
                Arguments.of("named objectives beat a number line", "echo 'osprey:objective loss 0.5'; echo 7"),
                Arguments.of("the last line for a name wins, in first order",
                        "echo 'osprey:objective b 1'; echo 'osprey:objective a 2'; echo ' osprey:objective b 3 '"),
                Arguments.of("constraints in their three forms",
                        "echo 'osprey:constraint memory_gb 3.1 <= 16'; echo 'osprey:constraint accuracy 0.7 >= 0.9';"
                                + " echo 'osprey:constraint slack -0.5'; echo 0.25"),
                Arguments.of("constraints with named objectives",
                        "echo 'osprey:objective accuracy 0.9'; echo 'osprey:constraint mem 20 <= 16'"),
                Arguments.of("constraints with the objective file",
                        "echo 'osprey:constraint mem 1 <= 2'; echo 0.5 > objective.txt"),
                Arguments.of("a named objective is NaN", "echo 'osprey:objective loss nan'; echo 'osprey:objective x 1'"),
                Arguments.of("a constraint is infinite", "echo 'osprey:constraint mem -inf'; echo 1"),
                Arguments.of("a constraint limit is NaN", "echo 'osprey:constraint mem 1 <= NaN'; echo 1"),
                Arguments.of("a malformed objective line", "echo 'osprey:objective loss'; echo 1"),
                Arguments.of("a malformed constraint operator", "echo 'osprey:constraint mem 1 < 2'; echo 1"),
                Arguments.of("an objective with a limit", "echo 'osprey:objective loss 1 <= 2'; echo 1"),
                Arguments.of("a bad name", "echo 'osprey:objective 9lives 1'"),
                Arguments.of("a comma in a named value", "echo 'osprey:objective loss 1,'"),
                Arguments.of("a prefix that is a longer word is not a named line", "echo 'osprey:objectives 1'; echo 2"),
                Arguments.of("named lines after a failure reason", "echo 'osprey:objective x nan'; echo no > failure.txt"),
                Arguments.of("a json list of values", "echo 9; echo ' [0.5, 12]' > objective.txt"),
                Arguments.of("json named values and constraints", "echo 'osprey:constraint slack -1';"
                        + " printf '{\"values\": {\"loss\": 0.1, \"latency_ms\": 12},\\n \"constraints\":"
                        + " {\"memory_gb\": {\"value\": 3.1, \"limit\": 16}, \"acc\": {\"at_least\": 0.9,"
                        + " \"value\": 0.7}, \"slack\": 0.5}}' > objective.txt"),
                Arguments.of("json values beat named lines", "echo 'osprey:objective loss 3';"
                        + " echo '{\"values\": [1, 2e-3], \"constraints\": [0.5, -1]}' > objective.txt"),
                Arguments.of("json with python's NaN", "echo '{\"values\": {\"loss\": NaN}}' > objective.txt"),
                Arguments.of("json with an infinite list value", "echo '[1, -Infinity]' > objective.txt"),
                Arguments.of("json with an overflowing value", "echo '[1e400]' > objective.txt"),
                Arguments.of("json with an infinite constraint limit",
                        "echo '{\"values\": [1], \"constraints\": {\"m\": {\"value\": 1, \"limit\": Infinity}}}'"
                                + " > objective.txt"),
                Arguments.of("json constraint without a limit",
                        "echo '{\"values\": [1], \"constraints\": {\"m\": {\"value\": 1}}}' > objective.txt"),
                Arguments.of("json constraint with both limits", "echo '{\"values\": [1], \"constraints\":"
                        + " {\"m\": {\"value\": 1, \"limit\": 2, \"at_least\": 0}}}' > objective.txt"),
                Arguments.of("json unknown field", "echo '{\"value\": [1]}' > objective.txt"),
                Arguments.of("json without values", "echo '{\"constraints\": {\"m\": 1}}' > objective.txt"),
                Arguments.of("json empty values", "echo '{\"values\": {}}' > objective.txt"),
                Arguments.of("json bad name", "echo '{\"values\": {\"9 lives\": 1}}' > objective.txt"),
                Arguments.of("json string value", "echo '{\"values\": {\"loss\": \"0.1\"}}' > objective.txt"),
                Arguments.of("json trailing comma", "echo '{\"values\": [1,]}' > objective.txt"),
                Arguments.of("json trailing text", "echo '[1] 2' > objective.txt"),
                Arguments.of("json unterminated", "echo '{\"values\": [1' > objective.txt"),
                Arguments.of("json non-json number", "echo '[+1, .5]' > objective.txt"),
                Arguments.of("json duplicate names, the last wins", "echo '{\"values\": {\"a\": 1, \"b\": 2,"
                        + " \"a\": 3}, \"values\": {\"b\": 4, \"a\": 5}}' > objective.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesLikeProgramOutcome(String name, String script) throws Exception {
        JobResult expected = direct(script);
        Path dir = Files.createDirectories(work.resolve("wrapped"));
        int code = wrapped(dir, "sh", "-c", script);
        JobResult actual = ResultJson.read(dir.resolve("result.json"), 0);
        assertEquals(expected.status(), actual.status(), actual.error());
        assertEquals(expected.values(), actual.values());
        assertEquals(expected.names(), actual.names());
        assertEquals(expected.constraints(), actual.constraints());
        assertEquals(expected.error(), actual.error());
        assertEquals(expected.exitCode(), actual.exitCode());
        if (expected.isCompleted()) {
            assertEquals(0, code, "a completed job's wrapper exits 0");
        } else {
            int own = expected.exitCode().orElse(0);
            assertEquals(own != 0 ? own : 1, code, "a job that did not complete makes the wrapper exit non-zero");
        }
    }

    @Test
    void valuesArriveAsSingleArgumentsWithoutAShell() throws Exception {
        Path dir = Files.createDirectories(work.resolve("args"));
        String tricky = "a b; echo $(id) \"q\" 'x' *";
        int code = wrapped(dir, "sh", "-c", "printf '%s\\n' \"$1\" \"$2\" > args.txt; echo 1", "sh", tricky, "");
        assertEquals(0, code);
        assertEquals(List.of(tricky, ""), Files.readAllLines(dir.resolve("args.txt")));
    }

    @Test
    void theProgramRunsInItsWorkingDirectoryAndItsFilesStayInTheJobDirectory() throws Exception {
        Path dir = Files.createDirectories(work.resolve("job"));
        Path cwd = Files.createDirectories(work.resolve("launched from"));
        Files.writeString(cwd.resolve("data.txt"), "0.5\n");
        int code = wrapped(dir, "--cwd", cwd.toString(), dir.toString(), "sh", "-c",
                "pwd -P > where.txt; echo err >&2; cat data.txt");
        assertEquals(0, code);
        assertEquals(List.of(cwd.toRealPath().toString()), Files.readAllLines(cwd.resolve("where.txt")));
        JobResult result = ResultJson.read(dir.resolve("result.json"), 0);
        assertEquals(List.of(0.5), result.values(), result.error());
        assertEquals(List.of("0.5"), Files.readAllLines(dir.resolve("stdout.log")));
        assertEquals(List.of("err"), Files.readAllLines(dir.resolve("stderr.log")));
        try (Stream<Path> left = Files.list(cwd)) {
            assertEquals(List.of("data.txt", "where.txt"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the job's files are not written in the working directory");
        }
    }

    @Test
    void aWorkingDirectoryThatCannotBeEnteredFailsTheJobWithoutRunningIt() throws Exception {
        Path dir = Files.createDirectories(work.resolve("job"));
        Path missing = work.resolve("no-such-dir");
        int code = wrapped(dir, "--cwd", missing.toString(), dir.toString(), "sh", "-c", "echo ran > ran.txt; echo 1");
        assertEquals(1, code);
        JobResult result = ResultJson.read(dir.resolve("result.json"), 0);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("cannot start the program: cannot enter its working directory '"
                + missing + "'"), result.error());
        assertTrue(result.exitCode().isEmpty());
        assertTrue(Files.notExists(dir.resolve("ran.txt")));
    }

    @Test
    void aMissingProgramFailsWithoutAnExitCode() throws Exception {
        Path dir = Files.createDirectories(work.resolve("missing"));
        int code = wrapped(dir, "no-such-program-osprey", "x");
        JobResult result = ResultJson.read(dir.resolve("result.json"), 0);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("cannot run program 'no-such-program-osprey'"), result.error());
        assertTrue(result.exitCode().isEmpty());
        assertEquals(127, code);
    }

    @Test
    void theJobNumberIsRecordedWhenKnown() throws Exception {
        Path dir = Files.createDirectories(work.resolve("numbered"));
        ProcessBuilder builder = new ProcessBuilder("sh", install(dir).toString(), dir.toString(), "echo", "3")
                .redirectErrorStream(true);
        builder.environment().put("OSPREY_JOB_NUM", "12");
        assertEquals(0, builder.start().waitFor());
        assertEquals(12, ResultJson.read(dir.resolve("result.json"), 0).number());
    }

    @Test
    void sigusr1ReachesTheProgramSoThatItCanCheckpoint() throws Exception {
        Path dir = Files.createDirectories(work.resolve("signalled"));
        // the program saves a checkpoint when told to, and then finishes with its objective
        String program = "trap 'echo saved > checkpoint; echo 0.5; exit 0' USR1; touch ready;"
                + " while :; do sleep 0.05; done";
        Process wrapper = new ProcessBuilder("sh", install(dir).toString(), dir.toString(), "sh", "-c", program)
                .redirectErrorStream(true).redirectOutput(dir.resolve("wrapper.log").toFile()).start();
        while (!Files.exists(dir.resolve("ready"))) {
            Thread.onSpinWait();
        }
        new ProcessBuilder("kill", "-USR1", Long.toString(wrapper.pid())).start().waitFor();
        assertEquals(0, wrapper.waitFor(), Files.readString(dir.resolve("wrapper.log")));
        assertEquals("saved", Files.readString(dir.resolve("checkpoint")).strip());
        assertEquals(List.of(0.5), ResultJson.read(dir.resolve("result.json"), 0).values());
    }

    @Test
    void aRestartedSlurmJobDropsItsKilledRunsResultAndKnowsItWasRestarted() throws Exception {
        Path dir = Files.createDirectories(work.resolve("restarted"));
        Files.writeString(dir.resolve("objective.txt"), "9\n"); // left by the run Slurm killed
        Files.writeString(dir.resolve("result.json"), "{}");
        ProcessBuilder builder = new ProcessBuilder("sh", install(dir).toString(), dir.toString(), "sh", "-c",
                "echo \"$OSPREY_RESTART_COUNT\" > restarts; echo 0.25").redirectErrorStream(true);
        builder.environment().put("SLURM_RESTART_COUNT", "1");
        assertEquals(0, builder.start().waitFor());
        assertEquals("1", Files.readString(dir.resolve("restarts")).strip());
        assertEquals(List.of(0.25), ResultJson.read(dir.resolve("result.json"), 0).values());
    }

    /** Runs the script as the process launcher would, and decides with ProgramOutcome. */
    private JobResult direct(String script) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("direct"));
        JobFiles files = new JobFiles(dir);
        Process process = new ProcessBuilder("sh", "-c", script).directory(dir.toFile())
                .redirectOutput(files.stdout().toFile()).redirectError(files.stderr().toFile()).start();
        int code = process.waitFor();
        Optional<List<Double>> last = Optional.empty();
        try (BufferedReader in = Files.newBufferedReader(files.stdout(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (ObjectiveLines.report(line).isPresent()) {
                    continue;
                }
                Optional<List<Double>> numbers = ObjectiveLines.numbers(line);
                if (numbers.isPresent()) {
                    last = numbers;
                }
            }
        }
        return ProgramOutcome.decide(0, code, last, files, Duration.ZERO);
    }

    private int wrapped(Path dir, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("sh", install(dir).toString()));
        if (!command[0].equals("--cwd")) {
            line.add(dir.toString());
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(dir.resolve("wrapper.log").toFile()).start();
        return process.waitFor();
    }

    private static Path install(Path dir) {
        return JobWrapper.install(dir);
    }
}
