/**
 * The task-spooler launcher against a real task-spooler and the launcher contract kit; skipped where
 * {@code tsp} is not installed, except on CI.
 */
package dev.osprey.launchers.tsp;
