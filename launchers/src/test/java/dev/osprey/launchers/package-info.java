/**
 * The launcher contract kit, published in the launchers' test-jar. {@link LauncherContract} checks that
 * a {@link dev.osprey.launchers.Launcher} keeps its contract: a job's value comes back, a failing job or
 * a NaN objective is a result rather than an exception, many jobs each get their own result, submitting
 * does not wait for the job, and timeouts, cancellation, pruning and closing stop jobs as they should. A
 * launcher's test extends it and says how to make the launcher and how to express a few trivial jobs as
 * its kind of {@link dev.osprey.launchers.Task}; {@link ProgramLauncherContract} supplies those jobs as
 * {@code sh -c} scripts that speak the external-program protocol, and adds two checks of its own (a
 * program runs in its working directory while its files stay in the job directory; a failure file's
 * reason starts a failed job's error), for launchers that run programs (the
 * process, task-spooler and Slurm launchers, the starter launcher of docs/writing-a-launcher.md, and
 * the launcher of examples/launcher-plugin, which depends on the published test-jar).
 */
package dev.osprey.launchers;
