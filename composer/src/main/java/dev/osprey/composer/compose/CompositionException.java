package dev.osprey.composer.compose;

import dev.osprey.composer.ComposerException;


/**
 * A config could not be composed: a Defaults List that contradicts itself or the command line, an
 * override that does not fit the config, a sweep in a single run. Messages follow Hydra's texts
 * where Hydra has one, so that they can be searched for.
 *
 * @since 0.1
 */
public class CompositionException extends ComposerException {

    public CompositionException(String message) {
        super(message);
    }

    public CompositionException(String message, Throwable cause) {
        super(message, cause);
    }
}
