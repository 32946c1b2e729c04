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

    /** Whether cancellation or a timeout asked the job to stop; long objectives should check it. */
    boolean stopRequested();
}
