package dev.osprey.launchers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one job ended.
 *
 * @param number   the job's number
 * @param status   how it ended
 * @param values   the objective value(s); present (and finite) exactly when {@code COMPLETED}
 * @param error    what went wrong, for people (empty when {@code COMPLETED})
 * @param exitCode the program's exit code, when there was a program and it exited
 * @param duration wall time from start (or submission, for queued launchers) to end
 * @param logs     where the job's output is (a file or the job directory), if anywhere
 * @since 0.1
 */
public record JobResult(int number, JobStatus status, List<Double> values, String error, OptionalInt exitCode,
                        Duration duration, Optional<Path> logs) {

    public JobResult {
        Objects.requireNonNull(status, "status");
        values = List.copyOf(values);
        error = error == null ? "" : error;
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(logs, "logs");
        if (status == JobStatus.COMPLETED) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a completed job needs at least one objective value (job " + number + ")");
            }
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("objective values must be finite, job " + number + " gave " + v);
                }
            }
        } else if (!values.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " job has no objective values, job " + number + " gave " + values);
        }
    }

    public static JobResult completed(int number, List<Double> values, OptionalInt exitCode, Duration duration,
                                      Optional<Path> logs) {
        return new JobResult(number, JobStatus.COMPLETED, values, "", exitCode, duration, logs);
    }

    public static JobResult ended(int number, JobStatus status, String error, OptionalInt exitCode, Duration duration,
                                  Optional<Path> logs) {
        return new JobResult(number, status, List.of(), error, exitCode, duration, logs);
    }

    /** The single objective value of a completed job. */
    public double value() {
        if (values.isEmpty()) {
            throw new IllegalStateException("job " + number + " ended " + status + " and has no value: " + error);
        }
        return values.get(0);
    }

    public boolean isCompleted() {
        return status == JobStatus.COMPLETED;
    }
}
