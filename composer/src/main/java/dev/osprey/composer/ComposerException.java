package dev.osprey.composer;

/**
 * The root of the composer's exceptions: a config, an override or a composition that cannot be
 * used. Messages are written for people (what was wrong, where, what to do), so a command line
 * prints them without a stack trace.
 */
public class ComposerException extends IllegalArgumentException {

    public ComposerException(String message) {
        super(message);
    }

    public ComposerException(String message, Throwable cause) {
        super(message, cause);
    }
}
