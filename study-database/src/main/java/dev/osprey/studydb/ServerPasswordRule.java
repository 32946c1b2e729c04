package dev.osprey.studydb;

/**
 * The rule for the password of a server that other hosts may reach ({@code allowOthers}): at
 * least {@value #MIN_LENGTH} characters, at least {@value #MIN_DISTINCT} different ones (no
 * repeated character or short pattern), and at least two kinds of character among lower-case
 * letters, upper-case letters, digits and others (no single dictionary word). Anyone who reaches
 * the port may try passwords as fast as the network allows.
 */
final class ServerPasswordRule {

    /** The fewest characters a password may have. */
    static final int MIN_LENGTH = 16;
    /** The fewest different characters a password may have. */
    static final int MIN_DISTINCT = 8;
    /** The rule in words, as error messages and the documentation state it. */
    static final String RULE = "at least " + MIN_LENGTH + " characters, at least " + MIN_DISTINCT
            + " of them different, mixing at least two of lower-case letters, upper-case letters, digits and"
            + " other characters";

    private ServerPasswordRule() {
    }

    /** Whether {@code password} follows the rule. */
    static boolean accepts(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return false;
        }
        if (password.chars().distinct().count() < MIN_DISTINCT) {
            return false;
        }
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return kinds >= 2;
    }

    /** @throws IllegalArgumentException naming the rule, when {@code password} does not follow it */
    static void check(String password) {
        if (!accepts(password)) {
            int length = password == null ? 0 : password.length();
            throw new IllegalArgumentException("the password of a server that other hosts may reach must have "
                    + RULE + "; the one given has " + length + " characters and does not. Choose a longer random"
                    + " password (for example: openssl rand -base64 24)");
        }
    }
}
