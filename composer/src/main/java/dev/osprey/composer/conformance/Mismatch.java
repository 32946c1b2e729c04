package dev.osprey.composer.conformance;

import java.util.Objects;

/** A difference between the expected and the actual outcome of a case, found while checking it. */
final class Mismatch extends RuntimeException {

    Mismatch(String message) {
        super(message, null, false, false);
    }

    /** Fails with {@code what: expected <e>, got <a>} unless the two are equal. */
    static void check(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new Mismatch(what + ": expected <" + expected + ">, got <" + actual + ">");
        }
    }
}
