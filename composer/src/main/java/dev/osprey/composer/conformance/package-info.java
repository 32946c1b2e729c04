/**
 * The Hydra conformance runner. {@link HydraConformance} runs a corpus of Hydra's own outcomes
 * ({@code overrides.jsonl}: parsed overrides or error texts; {@code basic_sweeper.jsonl}: job batches;
 * {@code defaults/} case folders: composed configs or errors) against the override parser, the basic
 * sweeper and the composer, and reports each case as a {@link CaseResult}: passed, failed with what
 * differed, or skipped as a deliberate deviation. It is in the main sources so that the composer's unit
 * tests and the {@code conformance} benchmark judge cases by the same checks; the corpus itself is in
 * the composer's test resources, and docs/hydra-conformance.md lists the deliberate deviations. Nothing
 * else uses this package.
 */
package dev.osprey.composer.conformance;
