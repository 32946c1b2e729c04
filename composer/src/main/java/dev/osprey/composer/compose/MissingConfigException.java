package dev.osprey.composer.compose;

import java.util.List;

/**
 * A config named by a Defaults List, the command line or as the primary config does not exist. The
 * message lists the options of its group and the config search path:
 *
 * <pre>
 * In 'config': Could not find 'db/oracle'
 *
 * Available options in 'db':
 * 	mysql
 * 	postgresql
 * Config search path:
 * 	provider=main, path=file:///app/conf
 * </pre>
 *
 * @since 0.1
 */
public final class MissingConfigException extends CompositionException {

    private final String configPath;
    private final List<String> options;

    MissingConfigException(String message, String configPath, List<String> options) {
        super(message);
        this.configPath = configPath;
        this.options = List.copyOf(options);
    }

    /** The config that was looked for, such as {@code db/oracle}. */
    public String configPath() {
        return configPath;
    }

    /** The options of its config group, sorted (empty for a config outside a group). */
    public List<String> options() {
        return options;
    }
}
