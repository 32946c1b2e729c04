/**
 * Tests of the override parser: Hydra's override corpus, error reports, and values written back as text.
 */
package dev.osprey.composer.override;
