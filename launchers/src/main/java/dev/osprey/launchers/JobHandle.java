package dev.osprey.launchers;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted job.
 *
 * @since 0.1
 */
public interface JobHandle {

    /** The job's number. */
    int number();

    /** The launcher's own id for the job: a PID, a task-spooler or Slurm job id. */
    String id();

    /** Where the job's output goes, as soon as it is known. */
    Optional<Path> logs();

    /** Completes, never exceptionally, when the job has ended. */
    CompletableFuture<JobResult> result();

    /** The result if the job has ended, without waiting. */
    default Optional<JobResult> poll() {
        CompletableFuture<JobResult> future = result();
        return future.isDone() ? Optional.of(future.join()) : Optional.empty();
    }

    /** Waits for the job's end. */
    default JobResult await() {
        return result().join();
    }

    /** Stops the job if it has not ended; its result becomes {@link JobStatus#CANCELLED}. */
    void cancel();

    /** A handle on a job found ended already (its result read back from its directory). */
    static JobHandle ended(JobResult result) {
        CompletableFuture<JobResult> done = CompletableFuture.completedFuture(result);
        return new JobHandle() {
            @Override
            public int number() {
                return result.number();
            }

            @Override
            public String id() {
                return "ended while no one watched";
            }

            @Override
            public Optional<Path> logs() {
                return result.logs();
            }

            @Override
            public CompletableFuture<JobResult> result() {
                return done;
            }

            @Override
            public void cancel() {
                // it has ended
            }
        };
    }
}
