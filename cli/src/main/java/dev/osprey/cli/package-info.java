/**
 * The {@code osprey} command and the entry of Java training programs. {@link OspreyCli} runs the command
 * line with picocli ({@code run}, {@code studies}, {@code trials}, {@code best}, {@code export},
 * {@code create-study}, {@code delete-study}, {@code ask}, {@code tell}, {@code collect},
 * {@code server}, {@code demo}, {@code completion}) and maps outcomes to exit codes (0 success, 1 failed
 * work, 2 bad usage or input, 130 interrupted); {@link Osprey#main} gives a Java program the whole
 * {@code run} command line, as {@code @hydra.main} does for Python, with each job's config bound to the
 * program's record ({@link AppTask}). A single run ({@link SingleRun}) composes one config and runs the
 * job once through the selected launcher while {@link LogFollower} streams its log; a sweep goes to
 * {@link dev.osprey.sweeper.multirun.Multirun}. Everything said to people goes through {@link Console}:
 * results on stdout, progress and notes on stderr, a live progress line on a terminal and plain
 * timestamped lines elsewhere. This package is the top of the module graph: it depends on the sweeper
 * (and through it on the optimizer, the composer and the launchers) and on the study database, and only
 * the examples and the benchmarks depend on it.
 */
package dev.osprey.cli;
