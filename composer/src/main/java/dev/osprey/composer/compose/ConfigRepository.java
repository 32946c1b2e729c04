package dev.osprey.composer.compose;

import dev.osprey.composer.config.ConfigValue.MapValue;
import dev.osprey.composer.yaml.YamlLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configs an application composes from: YAML files addressed by path without extension
 * ({@code db/mysql} is {@code db/mysql.yaml}), in a directory or among classpath resources. A
 * directory of configs is a <em>config group</em>, and its configs are the group's options.
 * Loaded configs are cached; a repository is safe to share between threads.
 *
 * {@snippet :
 * ConfigRepository repo = ConfigRepository.fromDirectory(Path.of("conf"));
 * repo.options("db");                 // [mysql, postgresql]
 * ConfigRepository shipped = ConfigRepository.fromClasspath("conf");   // conf/ inside the app's jar
 * }
 *
 * @since 0.1
 */
public final class ConfigRepository {

    private final ConfigSource source;
    private final Map<String, Optional<LoadedConfig>> cache = new ConcurrentHashMap<>();

    private ConfigRepository(ConfigSource source) {
        this.source = source;
    }

    /**
     * The configs under a directory.
     *
     * @throws IllegalArgumentException if it is not a directory
     */
    public static ConfigRepository fromDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("Primary config directory not found.\nCheck that the config directory '"
                    + absolute + "' exists and readable");
        }
        return new ConfigRepository(new DirectorySource(absolute));
    }

    /** The configs among the classpath resources under {@code prefix}, found with the context class loader. */
    public static ConfigRepository fromClasspath(String prefix) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClasspath(loader == null ? ConfigRepository.class.getClassLoader() : loader, prefix);
    }

    /** The configs among the resources of {@code loader} under {@code prefix} ({@code ""} for the root). */
    public static ConfigRepository fromClasspath(ClassLoader loader, String prefix) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(prefix, "prefix");
        return new ConfigRepository(new ClasspathSource(loader, prefix));
    }

    /** Whether {@code group} (such as {@code server/db}) is a config group. */
    public boolean groupExists(String group) {
        return source.isGroup(group);
    }

    /** Whether {@code configPath} (such as {@code server/db/mysql}) is a config. */
    public boolean configExists(String configPath) {
        return load(configPath).isPresent();
    }

    /** The options of a config group, sorted; empty if there is no such group. */
    public List<String> options(String group) {
        return source.options(group);
    }

    /** Where the configs come from: {@code file:///app/conf}, {@code classpath://conf}. */
    public String location() {
        return source.location();
    }

    /** The config search path as Hydra prints it in errors, one tab-indented line per source. */
    String searchPath() {
        return "Config search path:\n\tprovider=main, path=" + source.location();
    }

    /** A config, loaded once. */
    Optional<LoadedConfig> load(String configPath) {
        return cache.computeIfAbsent(configPath, path -> source.read(path).map(text -> {
            MapValue raw = YamlLoader.loadConfig(text, source.describe(path));
            return DefaultsParser.parse(path, text, raw);
        }));
    }

    @Override
    public String toString() {
        return "ConfigRepository[" + location() + "]";
    }
}
