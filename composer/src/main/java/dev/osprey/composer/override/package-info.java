/**
 * Hydra's command-line override language, to the letter of Hydra 1.4. {@link Overrides#parse(String)}
 * turns text such as {@code +db@backup=mysql} or {@code optimizer.lr=tag(log, interval(1e-4, 1e-1))}
 * into a {@link ConfigOverride}: its {@link OverrideKind}, key, package and {@link Value}, which is
 * either an {@link Element} (a typed primitive, list or dict) or a {@link Sweep} (simple, choice, range,
 * interval or glob). Overrides are parsed once, where they are given, and travel typed: code makes them
 * with {@link ConfigOverride#of} and {@link ConfigOverride#withValue} (one value of a sweep), and
 * {@link Overrides#element(Object)} turns a sampler's plain values into elements. Text is written once,
 * for a job ({@link ConfigOverride#jobString()}: the grammar reads back the same value of the same
 * type), and in Hydra's own form for comparing with Hydra ({@link ConfigOverride#valueString()},
 * {@link ConfigOverride#hydraJobString()}). Parsing has two stages, as in Hydra: a lexer and a
 * recursive-descent parser build a syntax tree ({@code Lexer}, {@code Parser}), then an evaluator types
 * the primitives and calls the grammar functions ({@code Evaluator}, {@code Functions}, {@code Casts}),
 * with Python's rules for numbers, comparisons and text (the {@code Py*} classes), so that values and
 * {@link OverrideParseException} messages match Hydra's. The package depends only on the composer's root
 * exception: it does not know configs or config groups, so a key may name either and composition decides
 * which.
 */
package dev.osprey.composer.override;
