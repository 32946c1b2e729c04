/**
 * The benchmark suites that {@code benchmarks/bench SUITE} runs. {@link Bench} runs one suite and writes
 * its {@code SUITE.md} and {@code SUITE.json}: {@code quality} ({@link QualitySuite}, the samplers'
 * regret on the {@link TestFunctions}), {@code overhead} ({@link OverheadSuite}, the cost of the n-th
 * trial in memory), {@code storage} ({@link StorageSuite}, the cost of a trial and the throughput of
 * workers in the study database), {@code compose} ({@link ComposeSuite}), {@code conformance} (Hydra's
 * corpus through {@link dev.osprey.composer.conformance.HydraConformance}), {@code launch}
 * ({@link LaunchSuite}), {@code startup} and {@code reliability} (faults injected into real
 * {@code osprey} processes, in {@link dev.osprey.benchmarks.reliability}). Where Python's Optuna is installed the same protocols run
 * with it side by side ({@code OptunaPeer}); Hydra's figures come from recorded baselines
 * ({@code HydraBaseline}); each suite's targets are judged from its rows (the {@code *Targets} classes).
 * Some classes ({@link HeapCheck}, {@link ColdCompose}, {@link StorageWorker}) are the main classes of
 * child JVMs that the suites start. Nothing depends on this package.
 */
package dev.osprey.benchmarks;
