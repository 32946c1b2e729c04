/**
 * The in-process launcher, {@code osprey/launcher=in-process}: runs
 * {@link dev.osprey.launchers.Task.JavaTask}s in this JVM on virtual threads, at most {@code slots} at
 * once, each with a {@link dev.osprey.launchers.JobContext} for its config, its intermediate values and
 * whether it was asked to stop; it runs no external programs. The Java objectives of programs started
 * through {@code Osprey.main} run here unless another launcher is named. A job that times out or is
 * cancelled ends at once with that status, but Java cannot kill a thread, so its thread is only
 * interrupted and long objectives should check {@link dev.osprey.launchers.JobContext#stopRequested()}.
 * {@link InProcessLauncherProvider} is the public entry, found by name through
 * {@link java.util.ServiceLoader}; the launcher itself is package-private.
 */
package dev.osprey.launchers.inprocess;
