/**
 * Tests of composition: Defaults Lists and overrides, structured configs, error messages, proposals
 * composed into configs, and Hydra's composition cases.
 */
package dev.osprey.composer.compose;
