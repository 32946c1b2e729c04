/**
 * Tests of the basic sweeper, including Hydra's basic-sweeper corpus.
 */
package dev.osprey.composer.multirun;
