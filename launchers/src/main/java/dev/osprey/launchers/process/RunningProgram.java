package dev.osprey.launchers.process;

import java.time.Duration;

/**
 * A job's program once it has started, whatever runs it: a process of its own ({@link Subprocess})
 * or a Python worker ({@link WorkerRun}). A {@link ProcessJob} waits for it, stops it and decides its
 * result the same way for both, so that a job's outcome does not depend on how it ran.
 */
interface RunningProgram {

    /** The process that runs the job (the wrapper, or the worker), for the job's id. */
    long pid();

    /** Waits at most {@code limit} for the program's end; true when it has ended. */
    boolean waitFor(Duration limit) throws InterruptedException;

    /** The program's exit code, once {@link #waitFor} said it ended. */
    int exitCode();

    /** SIGTERM to the program and what it started. */
    void terminate();

    /** SIGKILL to whatever of the program is left, after the grace period of a stop. */
    void forceKill();

    /**
     * The job is over and its result decided: what ran it may serve another job, unless the job
     * was stopped from outside.
     */
    default void release(boolean stopped) {
    }
}
