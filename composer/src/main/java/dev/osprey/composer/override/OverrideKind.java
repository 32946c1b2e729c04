package dev.osprey.composer.override;

/**
 * What an override does, given by its prefix.
 *
 * @since 0.1
 */
public enum OverrideKind {
    /** {@code key=value}: change an existing value or config group choice. */
    CHANGE(""),
    /** {@code +key=value}: add a value or a config group that is not there yet. */
    ADD("+"),
    /** {@code ++key=value}: add, or change if it is already there. */
    FORCE_ADD("++"),
    /** {@code ~key}, {@code ~key=value}: delete (only if the current value equals {@code value}, when given). */
    DELETE("~"),
    /** {@code key=extend_list(a,b)}: append to an existing list (deprecated in Hydra 1.4, kept for compatibility). */
    EXTEND_LIST("");

    private final String prefix;

    OverrideKind(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix written before the key: {@code ""}, {@code "+"}, {@code "++"} or {@code "~"}. */
    public String prefix() {
        return prefix;
    }
}
