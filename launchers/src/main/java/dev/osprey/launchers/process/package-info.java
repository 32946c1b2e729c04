/**
 * The process launcher, {@code osprey/launcher=process}, the command line's default: runs each job's
 * {@link dev.osprey.launchers.Task.Program} as a local subprocess in its job directory (or the
 * program's working directory), at most {@code slots} at a time, with stdout and stderr captured to
 * the files of {@link dev.osprey.launchers.protocol.JobFiles}. It reads stdout as it comes, passing
 * {@code osprey:report} lines to the job's pruning, and decides the result with
 * {@link dev.osprey.launchers.protocol.ProgramOutcome} when the program exits; a job that is stopped
 * (cancelled, timed out or pruned) gets SIGTERM, with its descendants, and SIGKILL after
 * {@code kill_grace_s}. Its jobs end with the launcher, so detached sweeps need the task-spooler or
 * Slurm launcher. With {@code python_workers} on, {@code python script.py} jobs run instead in Python
 * interpreters kept from job to job ({@link dev.osprey.launchers.process.PythonScript} says which
 * commands qualify), which saves the interpreter's start-up and imports on every job after a slot's
 * first. {@link ProcessLauncherProvider} is the public entry; the launcher and its jobs are
 * package-private.
 */
package dev.osprey.launchers.process;
