/**
 * Tests of config trees: typed reads, struct mode, merging, and interpolations resolved when they are
 * read.
 */
package dev.osprey.composer.config;
