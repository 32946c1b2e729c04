package dev.osprey.optimizer.storage;

/** The rule every storage applies to study names. */
public final class StudyNames {

    /** The longest study name, in characters. */
    public static final int MAX_LENGTH = 512;

    private StudyNames() {
    }

    /** Throws an error naming the rule if {@code name} is not a valid study name. */
    public static void validate(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a study name must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a study name must be at most " + MAX_LENGTH
                    + " characters, but '" + name.substring(0, 20) + "...' has " + name.length());
        }
    }
}
