package dev.osprey.composer.compose;

import java.util.List;
import java.util.Optional;

/** Where config files come from: a directory or classpath resources under a prefix. */
sealed interface ConfigSource permits DirectorySource, ClasspathSource, ConfigSource.NoSource {

    String EXTENSION = ".yaml";

    /** The text of {@code <configPath>.yaml}, if there is such a config. */
    Optional<String> read(String configPath);

    /** Whether {@code group} is a directory of configs ({@code ""} is the root). */
    boolean isGroup(String group);

    /** The names of the configs directly in {@code group}, without {@code .yaml}, sorted. */
    List<String> options(String group);

    /** The names of the config groups directly in {@code group} (subdirectories), sorted. */
    List<String> groups(String group);

    /** The source as a URL-like text for the search path: {@code file:///app/conf}, {@code classpath://conf}. */
    String location();

    /** The file or resource of a config, as named in YAML error messages. */
    String describe(String configPath);

    /** No configs at all: the source of a repository that only holds registered records. */
    record NoSource() implements ConfigSource {
        @Override
        public Optional<String> read(String configPath) {
            return Optional.empty();
        }

        @Override
        public boolean isGroup(String group) {
            return group.isEmpty();
        }

        @Override
        public List<String> options(String group) {
            return List.of();
        }

        @Override
        public List<String> groups(String group) {
            return List.of();
        }

        @Override
        public String location() {
            return "structured://";
        }

        @Override
        public String describe(String configPath) {
            return "structured://" + configPath;
        }
    }

    /** Whether a config or group path is safe to look up: no {@code ..}, no backslash, no empty part. */
    static boolean isPlainPath(String path) {
        if (path.contains("\\") || path.startsWith("/") || path.endsWith("/")) {
            return false;
        }
        if (path.isEmpty()) {
            return true;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
