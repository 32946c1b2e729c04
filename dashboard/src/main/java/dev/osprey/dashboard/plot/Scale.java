package dev.osprey.dashboard.plot;

/** How an axis maps values to positions. */
public enum Scale {
    /** Numbers, evenly spaced. */
    LINEAR,
    /** Positive numbers, by their logarithm. */
    LOG,
    /** Positions 0..k-1, labelled by the axis's categories. */
    CATEGORY,
    /** Milliseconds since the epoch. */
    TIME
}
