package dev.osprey.composer.compose;

import dev.osprey.composer.bind.Records;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.yaml.YamlLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configs an application composes from: YAML files addressed by path without extension
 * ({@code db/mysql} is {@code db/mysql.yaml}), in a directory or among classpath resources. A
 * directory of configs is a <em>config group</em>, and its configs are the group's options.
 * What a repository reads — configs, which groups exist and their options — is read once and cached,
 * so a repository is a snapshot of its files as first seen; it is safe to share between threads.
 *
 * {@snippet :
 * ConfigRepository repo = ConfigRepository.fromDirectory(Path.of("conf"));
 * repo.options("db");                 // [mysql, postgresql]
 * ConfigRepository shipped = ConfigRepository.fromClasspath("conf");   // conf/ inside the app's jar
 * ConfigRepository typed = repo.withRecord("db/h2", new Db("h2", 9092)); // a structured config
 * }
 *
 * <p>Records registered with {@link #withRecord} are configs too (Hydra's structured configs in its
 * ConfigStore): {@code withRecord("db/h2", ...)} adds the option {@code h2} to the group {@code db}. As
 * in Hydra's search path, a YAML file of the same path wins over a registered record.
 *
 * <p>{@link #withHydraConfigs()} adds Hydra 1.3.2's own config groups ({@code hydra/job_logging},
 * {@code hydra/sweeper} with the Optuna sweeper, {@code hydra/sweeper/sampler}, ...) where Hydra's search
 * path has them; {@link Composer#withHydraRuntime()} uses it.
 *
 * @since 0.1
 */
public final class ConfigRepository {

    private final ConfigSource source;
    private final Map<String, MapValue> records;
    /** Hydra's own configs, or {@code null} (the usual case, which then costs nothing). */
    private final HydraConfigs hydra;
    private final Map<String, Optional<LoadedConfig>> cache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> groupCache = new ConcurrentHashMap<>();
    private final Map<String, List<String>> optionsCache = new ConcurrentHashMap<>();
    private final Set<String> fromHydraStore = ConcurrentHashMap.newKeySet();

    private ConfigRepository(ConfigSource source, Map<String, MapValue> records, HydraConfigs hydra) {
        this.source = source;
        this.records = Collections.unmodifiableMap(new LinkedHashMap<>(records));
        this.hydra = hydra;
        if (!(source instanceof ConfigSource.NoSource)) {
            WarmUp.yamlInBackground();
        }
    }

    private ConfigRepository(ConfigSource source) {
        this(source, Map.of(), null);
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

    /** A repository without files, for configs registered with {@link #withRecord}. */
    public static ConfigRepository empty() {
        return new ConfigRepository(new ConfigSource.NoSource());
    }

    /**
     * This repository with {@code defaults} as the config {@code configPath} (such as {@code db/h2} or
     * {@code train}): its components are the keys, nested records maps, a {@code null} component
     * {@code ???}. A component named {@code defaults} is the config's Defaults List, as in YAML.
     *
     * @throws IllegalArgumentException if the path is empty, absolute or has {@code ..} or {@code \}
     */
    public ConfigRepository withRecord(String configPath, Record defaults) {
        return with(configPath, Records.toConfig(defaults).root());
    }

    /**
     * This repository with the defaults of the record {@code type} (its static {@code defaults()}
     * method) as the config {@code configPath}; see {@link #withRecord(String, Record)}.
     */
    public ConfigRepository withRecord(String configPath, Class<? extends Record> type) {
        return with(configPath, Records.defaults(type).root());
    }

    private ConfigRepository with(String configPath, MapValue content) {
        if (configPath.isEmpty() || !ConfigSource.isPlainPath(configPath)) {
            throw new IllegalArgumentException("a config path such as 'db/h2' is needed, not '" + configPath + "'");
        }
        Map<String, MapValue> more = new LinkedHashMap<>(records);
        more.put(configPath, content);
        return new ConfigRepository(source, more, hydra);
    }

    /**
     * This repository with Hydra 1.3.2's own config groups added as Hydra's search path has them:
     * the YAML groups Hydra ships ({@code hydra/output}, {@code hydra/help}, {@code hydra/hydra_help},
     * {@code hydra/hydra_logging}, {@code hydra/job_logging}, {@code hydra/env}) before this
     * repository's configs, and the structured ones ({@code hydra/config}, {@code hydra/launcher},
     * {@code hydra/sweeper} with {@code basic} and {@code optuna}, {@code hydra/sweeper/sampler}) after
     * them. The app's own options of these groups are listed beside Hydra's. This repository is left
     * as it is.
     */
    public ConfigRepository withHydraConfigs() {
        return hydra != null ? this : new ConfigRepository(source, records, HydraConfigs.shipped());
    }

    /** Whether Hydra's own config groups are part of this repository ({@link #withHydraConfigs()}). */
    public boolean hasHydraConfigs() {
        return hydra != null;
    }

    /** Whether {@code group} (such as {@code server/db}) is a config group. */
    public boolean groupExists(String group) {
        return groupCache.computeIfAbsent(group, g -> {
            if (source.isGroup(g)) {
                return true;
            }
            String prefix = g + "/";
            if (records.keySet().stream().anyMatch(path -> path.startsWith(prefix))) {
                return true;
            }
            return hydra != null && !g.isEmpty() && (hydra.first().isGroup(g) || hydra.last().isGroup(g));
        });
    }

    /** Whether {@code configPath} (such as {@code server/db/mysql}) is a config. */
    public boolean configExists(String configPath) {
        return load(configPath).isPresent();
    }

    /** The options of a config group, sorted; empty if there is no such group. */
    public List<String> options(String group) {
        return optionsCache.computeIfAbsent(group, this::listOptions);
    }

    private List<String> listOptions(String group) {
        if (records.isEmpty() && hydra == null) {
            return source.options(group);
        }
        TreeSet<String> names = new TreeSet<>(source.options(group));
        if (hydra != null) {
            names.addAll(hydra.first().options(group));
            names.addAll(hydra.last().options(group));
        }
        String prefix = group.isEmpty() ? "" : group + "/";
        records.keySet().stream().filter(p -> p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0)
                .forEach(p -> names.add(p.substring(prefix.length())));
        return List.copyOf(names);
    }

    /** The config groups directly in {@code group} ({@code ""} for the top level), sorted. */
    List<String> groups(String group) {
        TreeSet<String> names = new TreeSet<>(source.groups(group));
        if (hydra != null) {
            names.addAll(hydra.first().groups(group));
            names.addAll(hydra.last().groups(group));
        }
        String prefix = group.isEmpty() ? "" : group + "/";
        records.keySet().stream().filter(p -> p.startsWith(prefix) && p.indexOf('/', prefix.length()) > 0)
                .forEach(p -> names.add(p.substring(prefix.length(), p.indexOf('/', prefix.length()))));
        return List.copyOf(names);
    }

    /** Where the configs come from: {@code file:///app/conf}, {@code classpath://conf}. */
    public String location() {
        return source.location();
    }

    /** The config search path as Hydra prints it in errors, one tab-indented line per source. */
    String searchPath() {
        StringBuilder out = new StringBuilder("Config search path:");
        if (hydra != null) {
            out.append("\n\tprovider=hydra, path=pkg://hydra.conf");
        }
        if (!(source instanceof ConfigSource.NoSource)) {
            out.append("\n\tprovider=main, path=").append(source.location());
        }
        if (!records.isEmpty() || hydra != null) {
            out.append("\n\tprovider=schema, path=structured://");
        }
        return out.toString();
    }

    /**
     * A config, loaded once: a file of the source, else a registered record; with Hydra's configs, in
     * the order of Hydra's search path (Hydra's YAML groups, the source, records, Hydra's structured
     * configs).
     */
    Optional<LoadedConfig> load(String configPath) {
        return cache.computeIfAbsent(configPath, this::read);
    }

    private Optional<LoadedConfig> read(String path) {
        if (hydra == null) {
            return parsed(source, path).or(() -> record(path));
        }
        return parsed(hydra.first(), path).or(() -> parsed(source, path)).or(() -> record(path))
                .or(() -> parsed(hydra.last(), path).map(config -> {
                    fromHydraStore.add(path);
                    return config;
                }));
    }

    /**
     * Whether {@code configPath} was loaded from Hydra's structured configs (not replaced by a file or
     * record of the app), so that its keys are closed as Hydra's dataclass's are.
     */
    boolean isHydraStructured(String configPath) {
        return hydra != null && load(configPath).isPresent() && fromHydraStore.contains(configPath);
    }

    private static Optional<LoadedConfig> parsed(ConfigSource from, String path) {
        return from.read(path).map(text -> DefaultsParser.parse(path, text,
                YamlLoader.loadConfig(text, from.describe(path))));
    }

    private Optional<LoadedConfig> record(String path) {
        return Optional.ofNullable(records.get(path)).map(raw -> DefaultsParser.parse(path, "", raw));
    }

    @Override
    public String toString() {
        return "ConfigRepository[" + location() + "]";
    }
}
