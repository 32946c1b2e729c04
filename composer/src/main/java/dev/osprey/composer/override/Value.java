package dev.osprey.composer.override;

/**
 * The part of an override after {@code =}: a single {@link Element} (a primitive, a list, a dict)
 * or a {@link Sweep} (a set of values to try).
 *
 * @since 0.1
 */
public sealed interface Value permits Element, Sweep {
}
