/**
 * The process launcher against the launcher contract kit, plus the external-program protocol as its jobs
 * meet it: how a result is decided, placeholders without a shell, the job directory and environment, and
 * killing a job that ignores SIGTERM.
 */
package dev.osprey.launchers.process;
