package dev.osprey.launchers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param names    the objectives' names, one per value, when the program named them
 *                 ({@code osprey:objective NAME VALUE}); empty when the values are positional
 * @param constraints the constraint values the program reported, name to value, each satisfied
 *                 when {@code <= 0}; only for a completed job
 * @since 0.1
 */
public record JobResult(int number, JobStatus status, List<Double> values, String error, OptionalInt exitCode,
                        Duration duration, Optional<Path> logs, List<String> names, Map<String, Double> constraints) {

    /** A result with positional values and no constraints. */
    public JobResult(int number, JobStatus status, List<Double> values, String error, OptionalInt exitCode,
                     Duration duration, Optional<Path> logs) {
        this(number, status, values, error, exitCode, duration, logs, List.of(), Map.of());
    }

    public JobResult {
        names = List.copyOf(names);
        constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
        if (!names.isEmpty() && names.size() != values.size()) {
            throw new IllegalArgumentException("job " + number + " has " + names.size() + " objective names "
                    + names + " for " + values.size() + " values");
        }
        if (status != JobStatus.COMPLETED && !constraints.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " job has no constraints, job " + number + " gave "
                    + constraints);
        }
        for (Map.Entry<String, Double> c : constraints.entrySet()) {
            if (!Double.isFinite(c.getValue())) {
                throw new IllegalArgumentException("constraint values must be finite, job " + number + " gave "
                        + c.getKey() + " = " + c.getValue());
            }
        }
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

    /**
     * A completed job's result with named values (in the order the program gave them) and its
     * constraints.
     */
    public static JobResult completed(int number, Map<String, Double> named, Map<String, Double> constraints,
                                      OptionalInt exitCode, Duration duration, Optional<Path> logs) {
        return new JobResult(number, JobStatus.COMPLETED, List.copyOf(named.values()), "", exitCode, duration, logs,
                List.copyOf(named.keySet()), constraints);
    }

    /** This result with the given constraints (a completed job's). */
    public JobResult withConstraints(Map<String, Double> constraints) {
        return new JobResult(number, status, values, error, exitCode, duration, logs, names, constraints);
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

    /**
     * How the error of a job starts when its scheduler stopped it for another job and Osprey could
     * not follow it to a restart (Slurm's PREEMPTED state, a job requeued and held): the job's own
     * program did not fail, and a sweep runs its parameters once more.
     *
     * @since 0.3
     */
    public static final String PREEMPTED = "preempted: ";

    /** Whether the job failed because its scheduler preempted it (its error starts with {@link #PREEMPTED}). */
    public boolean isPreempted() {
        return status == JobStatus.FAILED && error.startsWith(PREEMPTED);
    }
}
