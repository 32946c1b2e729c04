/**
 * Keeps docs/configs-and-overrides.md and docs/sweeps.md true by checking and running their examples.
 */
package dev.osprey.sweeper.docs;
