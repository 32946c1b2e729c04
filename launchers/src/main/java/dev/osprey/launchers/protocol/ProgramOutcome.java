package dev.osprey.launchers.protocol;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides how an external program's job ended, from its exit code, its failure file, its result
 * file and its output. The rules: a non-zero exit fails the job with the tail of its stderr;
 * otherwise the result file, if the program wrote one, must hold the objective; else the last
 * stdout line made only of numbers is the objective; no number, garbage, NaN or an infinity fail
 * the job with that reason. A program that exits with 130, as one ended by Ctrl-C (SIGINT) does,
 * was interrupted: its job is cancelled, not failed.
 *
 * <p>A program may say why it failed in its {@link JobFiles#failure() failure file}: the file's
 * last non-empty line (see {@link #failureReason}) then starts the error, {@code REASON (exited
 * with code N)} followed by the stderr tail for a non-zero exit, and {@code REASON} alone for a
 * program that exited 0 all the same, which fails whatever objective it reported: it said it
 * failed. An interrupted program stays cancelled.
 *
 * <p>Named lines on stdout ({@link NamedLines}): {@code osprey:objective NAME VALUE} lines are the
 * objectives, unless the result file holds them; {@code osprey:constraint} lines are the job's
 * constraints. A result file written as JSON ({@code ResultFile}) may hold named values and
 * constraints too; its constraints join those on stdout, and win for a name both give. A malformed named line, or a NaN or infinite value in one, fails the job.
 *
 * <p>The task-spooler and Slurm wrapper script applies the same rules in {@code awk}.
 *
 * @since 0.1
 */
public final class ProgramOutcome {

    /** How much of stderr a failed job keeps in its error text. */
    public static final int STDERR_TAIL_LINES = 20;

    /** The exit code of a program ended by SIGINT (128 + 2), as Ctrl-C on a terminal ends a whole process group. */
    public static final int INTERRUPTED_EXIT_CODE = 130;

    /**
     * The most characters of a failure file's reason kept in the error: a reason is one line,
     * and a whole stack trace written there should not drown the rest of the error.
     */
    public static final int FAILURE_REASON_LIMIT = 300;

    /** The error of a program that exited 0 without reporting an objective. */
    static final String NO_OBJECTIVE = "no objective: the program exited 0 but printed no line"
            + " that is a number and wrote no result file (OSPREY_RESULT_FILE)";

    /** What {@link #trim} removes: the whitespace the wrapper script's {@code awk} strips too. */
    private static final String BLANKS = " \t\n\u000B\f\r";

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
        Optional<String> reason = failureReason(files);
        if (exitCode != 0) {
            String exited = "exited with code " + exitCode;
            return JobResult.ended(number, JobStatus.FAILED, reason.map(r -> r + " (" + exited + ")").orElse(exited)
                    + stderrTail(files), code, duration, logs);
        }
        if (reason.isPresent()) {
            return JobResult.ended(number, JobStatus.FAILED, reason.get(), code, duration, logs);
        }
        NamedLines named = NamedLines.read(files.stdout());
        String namedProblem = named.problem();
        if (namedProblem != null) {
            return JobResult.ended(number, JobStatus.FAILED, namedProblem + " (from stdout)", code, duration, logs);
        }
        Optional<List<Double>> values;
        String source;
        try {
            String written = Files.readString(files.objective(), StandardCharsets.UTF_8);
            if (ResultFile.isJson(written)) {
                return fromJson(number, ResultFile.read(written), named, code, duration, logs);
            }
            values = written.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                    .flatMap(ObjectiveLines::numbers);
            source = "the result file " + files.objective().getFileName();
            if (values.isEmpty()) {
                return JobResult.ended(number, JobStatus.FAILED, source + " holds " + quote(written)
                        + ", not a number; write the objective as a plain number", code, duration, logs);
            }
        } catch (NoSuchFileException e) {
            if (!named.objectives().isEmpty()) {
                return JobResult.completed(number, named.objectives(), named.constraints(), code, duration, logs);
            }
            values = lastNumbers;
            source = "stdout";
        } catch (IOException e) {
            return JobResult.ended(number, JobStatus.FAILED, "cannot read " + files.objective() + ": " + e.getMessage(),
                    code, duration, logs);
        }
        if (values.isEmpty()) {
            return JobResult.ended(number, JobStatus.FAILED, NO_OBJECTIVE + stderrTail(files), code, duration, logs);
        }
        String problem = ObjectiveLines.problem(values.get());
        if (problem != null) {
            return JobResult.ended(number, JobStatus.FAILED, problem + " (from " + source + ")", code, duration, logs);
        }
        return JobResult.completed(number, values.get(), code, duration, logs).withConstraints(named.constraints());
    }

    /** The result a JSON result file gives: its constraints join (and replace) those printed on stdout. */
    private static JobResult fromJson(int number, ResultFile.Read read, NamedLines named, OptionalInt code,
                                      Duration duration, Optional<Path> logs) {
        return switch (read) {
            case ResultFile.Read.Problem(String error) -> JobResult.ended(number, JobStatus.FAILED, error, code,
                    duration, logs);
            case ResultFile.Read.Values(List<Double> values, List<String> names, Map<String, Double> constraints) -> {
                Map<String, Double> all = new LinkedHashMap<>(named.constraints());
                all.putAll(constraints);
                yield new JobResult(number, JobStatus.COMPLETED, values, "", code, duration, logs, names, all);
            }
        };
    }

    /**
     * Why the program says it failed: the last non-empty line of its {@link JobFiles#failure()
     * failure file}, without the spaces around it, cut to {@link #FAILURE_REASON_LIMIT} characters
     * (ending in {@code ...} when cut); empty when there is no such file or no such line. Bytes
     * that are not UTF-8 are read as replacement characters.
     */
    public static Optional<String> failureReason(JobFiles files) {
        String text;
        try {
            text = new String(Files.readAllBytes(files.failure()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        return text.lines().map(ProgramOutcome::trim).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                .map(ProgramOutcome::capped);
    }

    /** The reason cut to {@link #FAILURE_REASON_LIMIT} characters, never inside a surrogate pair. */
    private static String capped(String reason) {
        if (reason.length() <= FAILURE_REASON_LIMIT) {
            return reason;
        }
        int end = FAILURE_REASON_LIMIT - 3;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "...";
    }

    /** {@code line} without ASCII whitespace around it, as the wrapper script's {@code strip} does. */
    private static String trim(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && BLANKS.indexOf(line.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && BLANKS.indexOf(line.charAt(to - 1)) >= 0) {
            to--;
        }
        return line.substring(from, to);
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
