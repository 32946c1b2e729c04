package dev.osprey.composer.override;

/**
 * An error raised while a grammar function runs, named like the Python exception Hydra raises in
 * the same case ({@code ValueError}, {@code TypeError}, ...), so that the final message reads
 * {@code <type> while evaluating '<call>': <message>} exactly as Hydra's does.
 */
final class PyError extends RuntimeException {

    private final String pythonType;

    PyError(String pythonType, String message) {
        super(message, null, false, false);
        this.pythonType = pythonType;
    }

    static PyError valueError(String message) {
        return new PyError("ValueError", message);
    }

    static PyError typeError(String message) {
        return new PyError("TypeError", message);
    }

    /** A failed assertion: Hydra's message is then empty. */
    static PyError assertion() {
        return new PyError("AssertionError", "");
    }

    /**
     * What Hydra says when it enumerates a sweep nested in another value ({@code x=1,interval(0,1)},
     * {@code choice(1,choice(2,3))}): it parses them, then fails with this text from its config library.
     * Osprey rejects them when parsed, with this text first and its own explanation on the next line.
     */
    static final String NESTED_SWEEP = "issubclass() arg 1 must be a class";

    /** A nested sweep, reported with Hydra's text and then {@code hint}; not wrapped as "... while evaluating". */
    static PyError nestedSweep(String hint) {
        return new PyError(null, NESTED_SWEEP + "\n" + hint);
    }

    /** The Python exception's name, or null when the message is the whole reason. */
    String pythonType() {
        return pythonType;
    }
}
