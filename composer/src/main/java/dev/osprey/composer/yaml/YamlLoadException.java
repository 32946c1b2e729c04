package dev.osprey.composer.yaml;

import dev.osprey.composer.ComposerException;


/**
 * A YAML text that could not be loaded. The message is one paragraph that starts with
 * {@code <source>:<line>:<column>:} (1-based), for example
 * {@code conf/db/mysql.yaml:3:7: duplicate key 'port' (first at line 2, column 1)}.
 *
 * @since 0.1
 */
public final class YamlLoadException extends ComposerException {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    YamlLoadException(String source, int line, int column, String problem, Throwable cause) {
        super(source + ":" + line + ":" + column + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file or resource the text came from, as given to the loader. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
