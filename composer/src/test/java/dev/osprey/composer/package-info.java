/**
 * Test support shared by the composer's packages: {@link ConformanceCorpus} runs the Hydra conformance
 * corpus of the test resources as one JUnit test per case.
 */
package dev.osprey.composer;
