package dev.osprey.optimizer.trial;

import dev.osprey.optimizer.space.Distribution;

import java.util.Objects;

/**
 * One parameter value of a trial, with the distribution it was drawn from.
 *
 * @param distribution where the value comes from
 * @param internal     the internal representation (the choice index for categoricals)
 */
public record Param(Distribution distribution, double internal) {

    public Param {
        Objects.requireNonNull(distribution, "distribution");
    }

    /** The value as the user sees it: a {@code Double}, an {@code Integer} or a choice. */
    public Object value() {
        return distribution.toExternal(internal);
    }
}
