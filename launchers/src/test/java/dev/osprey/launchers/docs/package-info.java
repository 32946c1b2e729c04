/**
 * Keeps docs/launchers.md and docs/writing-a-launcher.md true by running their examples against the
 * code; the page's starter launcher ({@link SerialLauncher}, its provider and its test) is here byte for
 * byte as shown, and {@link DocBlocks} and {@link JavaPrograms}, which read a page's tested blocks and
 * compile and run its Java programs, are shared with the sweeper's documentation tests.
 */
package dev.osprey.launchers.docs;
