package dev.osprey.launchers.protocol;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides how an external program's job ended, from its exit code, its result file and its
 * output. The rules: a non-zero exit fails the job with the tail of its stderr; otherwise the
 * result file, if the program wrote one, must hold the objective; else the last stdout line made
 * only of numbers is the objective; no number, garbage, NaN or an infinity fail the job with that
 * reason. A program that exits with 130, as one ended by Ctrl-C (SIGINT) does, was interrupted: its
 * job is cancelled, not failed. The task-spooler and Slurm wrapper script applies the same rules in
 * {@code awk}.
 *
 * @since 0.1
 */
public final class ProgramOutcome {

    /** How much of stderr a failed job keeps in its error text. */
    public static final int STDERR_TAIL_LINES = 20;

    /** The exit code of a program ended by SIGINT (128 + 2), as Ctrl-C on a terminal ends a whole process group. */
    public static final int INTERRUPTED_EXIT_CODE = 130;

    /** How the error of a program that exited 0 without reporting an objective begins. */
    static final String NO_OBJECTIVE = "no objective";

    private ProgramOutcome() {
    }

    /**
     * Whether a program ran to a clean end (exit 0) without reporting an objective: a failure for a
     * sweep's trial, but a success for a single run, which, as in Hydra, need not return a value.
     */
    public static boolean endedWithoutObjective(JobResult result) {
        return result.status() == JobStatus.FAILED && result.exitCode().orElse(-1) == 0
                && result.error().startsWith(NO_OBJECTIVE);
    }

    /**
     * The result of a program that exited by itself with {@code exitCode}, its output read from
     * the job's {@code stdout.log}.
     */
    public static JobResult decide(int number, int exitCode, JobFiles files, Duration duration) {
        return decide(number, exitCode, lastNumbers(files.stdout()), files, duration);
    }

    /**
     * The last line of a program's output made only of numbers (report lines are not objectives);
     * bytes that are not UTF-8 are read as replacement characters, and a missing file has none.
     */
    public static Optional<List<Double>> lastNumbers(Path stdoutLog) {
        Optional<List<Double>> last = Optional.empty();
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                Files.newInputStream(stdoutLog), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (ObjectiveLines.report(line).isEmpty()) {
                    Optional<List<Double>> numbers = ObjectiveLines.numbers(line);
                    if (numbers.isPresent()) {
                        last = numbers;
                    }
                }
            }
        } catch (IOException e) {
            return last;
        }
        return last;
    }

    /**
     * The result of a program that exited by itself with {@code exitCode}.
     *
     * @param lastNumbers the last stdout line made only of numbers, if any
     */
    public static JobResult decide(int number, int exitCode, Optional<List<Double>> lastNumbers, JobFiles files,
                                   Duration duration) {
        OptionalInt code = OptionalInt.of(exitCode);
        Optional<Path> logs = Optional.of(files.directory());
        if (exitCode == INTERRUPTED_EXIT_CODE) {
            return JobResult.ended(number, JobStatus.CANCELLED, "interrupted", code, duration, logs);
        }
        if (exitCode != 0) {
            return JobResult.ended(number, JobStatus.FAILED,
                    "exited with code " + exitCode + stderrTail(files), code, duration, logs);
        }
        Optional<List<Double>> values;
        String source;
        try {
            String written = Files.readString(files.objective(), StandardCharsets.UTF_8);
            values = written.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                    .flatMap(ObjectiveLines::numbers);
            source = "the result file " + files.objective().getFileName();
            if (values.isEmpty()) {
                return JobResult.ended(number, JobStatus.FAILED, source + " holds " + quote(written)
                        + ", not a number; write the objective as a plain number", code, duration, logs);
            }
        } catch (NoSuchFileException e) {
            values = lastNumbers;
            source = "stdout";
        } catch (IOException e) {
            return JobResult.ended(number, JobStatus.FAILED, "cannot read " + files.objective() + ": " + e.getMessage(),
                    code, duration, logs);
        }
        if (values.isEmpty()) {
            return JobResult.ended(number, JobStatus.FAILED, NO_OBJECTIVE + ": the program exited 0 but printed no line"
                    + " that is a number and wrote no result file (OSPREY_RESULT_FILE)" + stderrTail(files),
                    code, duration, logs);
        }
        String problem = ObjectiveLines.problem(values.get());
        if (problem != null) {
            return JobResult.ended(number, JobStatus.FAILED, problem + " (from " + source + ")", code, duration, logs);
        }
        return JobResult.completed(number, values.get(), code, duration, logs);
    }

    /** {@code "; stderr ends with: ..."} or nothing when stderr is empty. */
    public static String stderrTail(JobFiles files) {
        try {
            List<String> lines = Files.readAllLines(files.stderr(), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return "";
            }
            List<String> tail = lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size());
            return "; stderr ends with:\n" + String.join("\n", tail);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static String quote(String text) {
        String shown = text.strip();
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return "'" + shown + "'";
    }
}
