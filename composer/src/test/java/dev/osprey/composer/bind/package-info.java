/**
 * Tests of records as configs: binding, coercions, defaults and checking overrides against a record.
 */
package dev.osprey.composer.bind;
