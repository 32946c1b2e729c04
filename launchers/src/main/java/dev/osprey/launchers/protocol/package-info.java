/**
 * The external-program protocol: how a program run by a launcher receives its job and reports its
 * result, written once for the process, task-spooler and Slurm launchers and for {@code osprey collect}.
 * {@link ProgramCommand} turns a {@link dev.osprey.launchers.Task.Program} into one job's argument
 * vector (placeholders {@code {config}}, {@code {overrides}}, {@code {dir}}, {@code {num}},
 * {@code {result}}, never passed through a shell; the job's typed overrides become text here) and
 * environment ({@code OSPREY_JOB_NUM}, {@code OSPREY_CONFIG}, ...); {@link JobFiles} is the layout of a
 * job directory; {@link ObjectiveLines} reads lines of objective values and
 * {@code osprey:report STEP VALUE} lines; {@link ProgramOutcome} decides how a program's job ended from
 * its exit code, its result file and its output; {@link ResultJson} writes and reads the job's
 * {@code result.json}. The queued launchers' wrapper script applies the same rules where the job runs,
 * and a launcher written outside this project can use these classes to behave like the built-in ones.
 */
package dev.osprey.launchers.protocol;
