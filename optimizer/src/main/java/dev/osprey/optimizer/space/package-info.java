/**
 * The values a parameter may take: the sealed {@link Distribution} and its three kinds,
 * {@link FloatDistribution}, {@link IntDistribution} and {@link CategoricalDistribution}. Each is an
 * immutable value that maps the external values objectives see to a {@code double} internal
 * representation (the number itself, or a choice's index), which samplers and storages work on.
 * {@link PlainValues} defines the JSON-compatible values a study stores as choices and attributes, so
 * that they compare equal after a round trip through any storage. The package depends on nothing else in
 * Osprey; the sweeper's search spaces ({@code dev.osprey.sweeper.space}) translate the override
 * language's sweeps into these distributions.
 */
package dev.osprey.optimizer.space;
