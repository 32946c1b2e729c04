package dev.osprey.optimizer;

/**
 * The root of Osprey's exceptions. Its messages are written for people: they say what was wrong,
 * where, and what to do, so that a command line can print them without a stack trace.
 */
public class OptimizerException extends RuntimeException {

    public OptimizerException(String message) {
        super(message);
    }

    public OptimizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
