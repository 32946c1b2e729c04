/**
 * Tests of output directories: names from patterns, no directory shared, and the metadata of a job.
 */
package dev.osprey.composer.output;
