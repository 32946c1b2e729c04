/**
 * Tests of interpolation: templates, references, resolvers and their errors.
 */
package dev.osprey.composer.interpolation;
