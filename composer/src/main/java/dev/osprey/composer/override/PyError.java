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

    String pythonType() {
        return pythonType;
    }
}
