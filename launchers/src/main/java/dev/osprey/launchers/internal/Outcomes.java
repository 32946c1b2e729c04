package dev.osprey.launchers.internal;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.ProgramOutcome;
import dev.osprey.launchers.protocol.ResultJson;

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
 * Decides a queued job's result once it has left its scheduler. The job's own {@code result.json}
 * (written by the wrapper where the job ran) decides, cross-checked with the scheduler's view; a
 * stop Osprey asked for (cancel, timeout, pruning) overrides both; without the file, the
 * scheduler's view decides, with the end of the job's logs as the error.
 */
final class Outcomes {

    private Outcomes() {
    }

    /** What the job's result file held, or why it could not be used. */
    sealed interface Written {
        record Found(JobResult result) implements Written {
        }

        record Missing() implements Written {
        }

        record Unreadable(String why) implements Written {
        }
    }

    static Written read(JobFiles files, int number) {
        try {
            return new Written.Found(ResultJson.read(files.result(), number));
        } catch (NoSuchFileException e) {
            return new Written.Missing();
        } catch (IOException | RuntimeException e) {
            return new Written.Unreadable(e.getMessage());
        }
    }

    /** The result of a job that Osprey stopped: the reason decides, whatever the job wrote. */
    static JobResult stopped(int number, JobStatus status, String why, Written written, QueueState state,
                             Duration duration, JobFiles files) {
        OptionalInt exit = written instanceof Written.Found found ? found.result().exitCode()
                : state instanceof QueueState.Ended ended ? ended.exitCode() : OptionalInt.empty();
        return JobResult.ended(number, status, why, exit, duration, Optional.of(files.directory()));
    }

    /**
     * The result of a job that ended by itself.
     *
     * @param state the scheduler's last word: {@link QueueState.Ended}, or null when it no longer
     *              knows the job
     */
    static JobResult ended(int number, String id, Scheduler scheduler, Written written, QueueState state,
                           Duration duration, JobFiles files) {
        Optional<Path> logs = Optional.of(files.directory());
        QueueState.Ended ended = state instanceof QueueState.Ended e ? e : null;
        if (ended != null && ended.preempted()) {
            // the program was killed from outside: whatever it wrote on its way out is not its result
            String program = written instanceof Written.Found(JobResult result) && !result.isCompleted()
                    ? "; the program: " + result.error() : "";
            return JobResult.ended(number, JobStatus.FAILED, JobResult.PREEMPTED + scheduler.name() + " reports that job "
                    + id + " " + ended.description() + program, ended.exitCode(), duration, logs);
        }
        if (written instanceof Written.Found(JobResult result)) {
            if (ended == null) {
                return result;
            }
            // the wrapper exits 0 exactly when it wrote a completed result
            if (result.isCompleted() && ended.exitCode().isPresent() && ended.exitCode().getAsInt() != 0) {
                return JobResult.ended(number, JobStatus.FAILED, "result.json says the job completed, but "
                        + scheduler.name() + " reports that job " + id + " " + ended.description()
                        + schedulerOutput(ended), ended.exitCode(), result.duration(), logs);
            }
            if (!result.isCompleted() && ended.status() != JobStatus.FAILED) {
                // the scheduler stopped the job (its own time limit, a cancel outside Osprey)
                return JobResult.ended(number, ended.status(), scheduler.name() + " reports that job " + id
                        + " " + ended.description() + "; the program: " + result.error(), result.exitCode(),
                        result.duration(), logs);
            }
            return result;
        }
        String noFile = written instanceof Written.Unreadable(String why)
                ? "its result.json cannot be used (" + why + ")"
                : "it left no result.json";
        if (ended == null) {
            return JobResult.ended(number, JobStatus.FAILED, scheduler.name() + " no longer knows job " + id
                    + " and " + noFile + "; was it removed from the queue by hand?"
                    + ProgramOutcome.stderrTail(files), OptionalInt.empty(), duration, logs);
        }
        return JobResult.ended(number, ended.status(), scheduler.name() + " reports that job " + id + " "
                + ended.description() + ", and " + noFile + schedulerOutput(ended) + ProgramOutcome.stderrTail(files),
                ended.exitCode(), duration, logs);
    }

    /** {@code "; FILE ends with: ..."} for the scheduler's own output of the job, or nothing. */
    private static String schedulerOutput(QueueState.Ended ended) {
        if (ended.output().isEmpty()) {
            return "";
        }
        Path file = ended.output().get();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines.removeIf(String::isBlank);
            if (lines.isEmpty()) {
                return "";
            }
            int from = Math.max(0, lines.size() - ProgramOutcome.STDERR_TAIL_LINES);
            return "; " + file + " ends with:\n" + String.join("\n", lines.subList(from, lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
