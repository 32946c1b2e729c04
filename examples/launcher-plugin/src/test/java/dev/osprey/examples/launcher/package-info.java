/**
 * The nice launcher's test: the launcher contract kit from the launchers' published test-jar, and the
 * launcher's own promises (the lower priority, settings handed to the inner launcher, refusals).
 */
package dev.osprey.examples.launcher;
