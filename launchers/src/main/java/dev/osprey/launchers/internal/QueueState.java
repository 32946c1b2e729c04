package dev.osprey.launchers.internal;

import dev.osprey.launchers.JobStatus;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a job is, as its scheduler sees it. A job the scheduler no longer knows (purged, or
 * removed while queued) has no state at all: {@link Scheduler#states} leaves it out.
 *
 * <p>Not part of the API: shared by the task-spooler and Slurm launchers.
 */
public sealed interface QueueState {

    /** Waiting for resources or a free slot. */
    record Queued() implements QueueState {
    }

    /** Started; it may also be ending (Slurm's COMPLETING). */
    record Running() implements QueueState {
    }

    /**
     * Over, in the scheduler's view. The job's own {@code result.json} normally says more; this
     * decides the result only when that file is missing (the job was killed, or never started).
     *
     * @param status      the status to give the job when it left no result file
     * @param exitCode    the job's exit code, when it exited by itself
     * @param description the scheduler's words, e.g. {@code killed by signal 15} or
     *                    {@code TIMEOUT (TimeLimit), exit code 0:15}
     * @param output      the scheduler's own output file of the job, if it has one
     * @param preempted     whether the scheduler stopped the job for another one and will not run
     *                      it again by itself (its result then fails as {@code preempted}, whatever
     *                      the job wrote)
     */
    record Ended(JobStatus status, OptionalInt exitCode, String description, Optional<Path> output,
                 boolean preempted) implements QueueState {
        public Ended {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(exitCode, "exitCode");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(output, "output");
        }

        /** An end that is no preemption. */
        public Ended(JobStatus status, OptionalInt exitCode, String description, Optional<Path> output) {
            this(status, exitCode, description, output, false);
        }
    }

    QueueState QUEUED = new Queued();
    QueueState RUNNING = new Running();
}
