/**
 * Tests of YAML loading: typing by the core schema, and errors that name file, line and column.
 */
package dev.osprey.composer.yaml;
