/**
 * Tests of the {@code osprey} command, run in this JVM through {@link CliRunner}: single runs and sweeps
 * of the training example, the study commands, and a sweep's life beyond one call (Ctrl-C, detached
 * sweeps and {@code collect}).
 */
package dev.osprey.cli;
