package dev.osprey.launchers;

import dev.osprey.composer.config.Config;

import java.nio.file.Path;

/**
 * What a {@link Task.JavaTask} sees of its job.
 *
 * @since 0.1
 */
public interface JobContext {

    Job job();

    default Config config() {
        return job().config();
    }

    default Path directory() {
        return job().directory();
    }

    /** Records an intermediate value; returns whether the job should stop now (be pruned). */
    boolean report(int step, double value);

    /**
     * Records a constraint of the job, satisfied when {@code value <= 0} (as a program's {@code
     * osprey:constraint NAME VALUE} line); the last value for a name wins. A sweep stores the
     * constraints of a completed job on its trial, ordered by name.
     *
     * @throws UnsupportedOperationException when this launcher does not take constraints
     */
    default void constraint(String name, double value) {
        throw new UnsupportedOperationException("this launcher's jobs cannot report constraints");
    }

    /** Whether cancellation or a timeout asked the job to stop; long objectives should check it. */
    boolean stopRequested();
}
