/**
 * Hydra-style configuration for the JVM: config trees, YAML loading, Hydra's override grammar,
 * composition from Defaults Lists, interpolation, records as structured configs, the basic sweeper and
 * output directories, each in a subpackage; this package itself holds only {@link ComposerException},
 * the root of the composer's exceptions, whose messages are written to be printed without a stack trace.
 * The entry point is {@link dev.osprey.composer.compose.Composer}, which composes a
 * {@link dev.osprey.composer.config.Config} from a {@link dev.osprey.composer.compose.ConfigRepository}
 * and command-line overrides. The composer module depends only on the YAML library (snakeyaml-engine)
 * and knows nothing of studies, samplers or launchers: the sweeper turns its sweeps into search spaces,
 * and launchers receive the configs it composes.
 */
package dev.osprey.composer;
