/**
 * Runs each example end to end, as its documentation says.
 */
package dev.osprey.examples;
