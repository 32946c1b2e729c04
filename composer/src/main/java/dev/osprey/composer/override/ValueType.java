package dev.osprey.composer.override;

/**
 * The kind of value an override carries, as Hydra names it.
 *
 * @since 0.1
 */
public enum ValueType {
    /** A single value. */
    ELEMENT,
    /** {@code a,b,c}. */
    SIMPLE_CHOICE_SWEEP,
    /** {@code choice(a,b,c)}. */
    CHOICE_SWEEP,
    /** {@code glob(...)}. */
    GLOB_CHOICE_SWEEP,
    /** {@code range(...)}. */
    RANGE_SWEEP,
    /** {@code interval(...)}. */
    INTERVAL_SWEEP;

    /** The type of a value; {@code null} for the missing value of a bare {@code ~key}. */
    public static ValueType of(Value value) {
        return switch (value) {
            case null -> null;
            case Element e -> ELEMENT;
            case Sweep.ChoiceSweep c -> c.simpleForm() ? SIMPLE_CHOICE_SWEEP : CHOICE_SWEEP;
            case Sweep.GlobSweep g -> GLOB_CHOICE_SWEEP;
            case Sweep.RangeSweep r -> RANGE_SWEEP;
            case Sweep.IntervalSweep i -> INTERVAL_SWEEP;
        };
    }
}
