package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigException;
import dev.osprey.composer.value.ConfigValue.BoolValue;
import dev.osprey.composer.value.ConfigValue.FloatValue;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.StringValue;

import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.interpolation.Interpolator;
import dev.osprey.composer.interpolation.Resolvers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable config tree with typed access by dotted path.
 *
 * {@snippet :
 * Config config = Config.of(Map.of("db", Map.of("port", 3306, "password", "???")));
 * config.getInt("db.port");               // 3306
 * config.getString("db.password");        // MissingValueException: Missing mandatory value: db.password
 * config.asStruct().change("db.pool", 8); // ConfigKeyException: Key 'pool' is not in struct ...
 * config.asStruct().add("db.pool", 8);    // adds it
 * }
 *
 * <p>Paths are dotted ({@code a.b.c}); list items are {@code a.items[0]} or {@code a.items.0}. The
 * {@code ???} marker is a value that must be given before it is read: reading it (or a path through
 * it) fails with {@link MissingValueException} naming the path. In <em>struct mode</em> (the mode of
 * a composed config) {@link #change} refuses keys that are not there, which must be added with
 * {@link #add} or {@link #forceAdd} — the {@code key=}, {@code +key=} and {@code ++key=} of the
 * command line. Merging follows Hydra: maps merge recursively, lists and scalars are replaced.
 *
 * <p><b>Interpolations are resolved when they are read</b>, as OmegaConf does: {@link #get} and the
 * typed getters return the value of {@code ${db.port}}, {@code ${oc.env:USER}} or
 * {@code ${osprey:job.num}}, resolving only what the read needs, while the tree itself
 * ({@link #root()}, {@link #find}, {@link #toYaml()}, {@link #equals}) stays as written, so that a
 * composed config can be shown unresolved and resolved later with runtime values. Reads use the
 * resolvers given by {@link #withResolvers}, by default one shared {@linkplain Resolvers#standard()
 * standard} registry (so {@code ${now:...}} gives one time per process, as in Hydra).
 *
 * @since 0.1
 */
public final class Config {

    private static final Config EMPTY = new Config(MapValue.EMPTY, false, null, false);

    private final MapValue root;
    private final boolean struct;
    /** The resolvers of lazy reads; {@code null} for the shared standard registry. */
    private final Resolvers resolvers;
    /** Whether the values are final: made by {@link #resolve}, so a {@code ${} in them is literal text. */
    private final boolean resolved;

    private Config(MapValue root, boolean struct, Resolvers resolvers, boolean resolved) {
        this.root = Objects.requireNonNull(root, "root");
        this.struct = struct;
        this.resolvers = resolvers;
        this.resolved = resolved;
    }

    /** The standard resolvers shared by configs that were given none, created on first use. */
    private static final class SharedResolvers {
        static final Resolvers STANDARD = Resolvers.standard();
    }

    /** An empty config, not in struct mode. */
    public static Config empty() {
        return EMPTY;
    }

    /** A config with this root, not in struct mode. */
    public static Config of(MapValue root) {
        return new Config(root, false, null, false);
    }

    /** A config from plain Java values (see {@link ConfigValue#of(Object)}), not in struct mode. */
    public static Config of(Map<String, ?> plain) {
        return of((MapValue) ConfigValue.of(plain));
    }

    /** The root map. */
    public MapValue root() {
        return root;
    }

    /** Whether {@link #change} refuses unknown keys. */
    public boolean isStruct() {
        return struct;
    }

    /** The same tree in struct mode. */
    public Config asStruct() {
        return struct ? this : new Config(root, true, resolvers, resolved);
    }

    /** The same tree, not in struct mode. */
    public Config asOpen() {
        return struct ? new Config(root, false, resolvers, resolved) : this;
    }

    /**
     * The same tree, reading interpolations with {@code newResolvers} (for example the standard
     * ones with a trial's runtime values, {@link Resolvers#withRuntimeValues}).
     */
    public Config withResolvers(Resolvers newResolvers) {
        return new Config(root, struct, Objects.requireNonNull(newResolvers, "resolvers"), resolved);
    }

    private Resolvers resolvers() {
        return resolvers == null ? SharedResolvers.STANDARD : resolvers;
    }

    /** The node at {@code path}, {@code ???} included; empty if there is none. Never fails on a valid path. */
    public Optional<ConfigValue> find(String path) {
        return Optional.ofNullable(TreeOps.walk(root, ConfigPath.parse(path), false));
    }

    /** Whether there is a node at {@code path} ({@code ???} counts). */
    public boolean has(String path) {
        return find(path).isPresent();
    }

    /** Whether the node at {@code path} is {@code ???}. */
    public boolean isMissing(String path) {
        return find(path).orElse(null) instanceof MissingValue;
    }

    /**
     * The node at {@code path}, its interpolations resolved (a map or list is resolved as a whole;
     * the rest of the tree is not touched). A path may lead through an interpolated node
     * ({@code a: ${b}}, then {@code a.x}).
     *
     * @throws ConfigKeyException     if there is no node there
     * @throws MissingValueException  if it, or a node on the way, is {@code ???}
     * @throws InterpolationException if resolving it fails
     */
    public ConfigValue get(String path) {
        List<String> segments = ConfigPath.parse(path);
        ConfigValue value = TreeOps.walk(root, segments, false);
        if (!resolved && (value == null || Interpolator.needsResolution(value))) {
            value = Interpolator.resolveAt(root, segments, resolvers());
        }
        if (value == null) {
            throw notFound(path, segments);
        }
        if (value instanceof MissingValue) {
            throw new MissingValueException(path);
        }
        return value;
    }

    /** Why there is nothing at {@code path}: an absent key, a {@code ???} or a scalar on the way. */
    private ConfigException notFound(String path, List<String> segments) {
        try {
            TreeOps.walk(root, segments, true);
        } catch (ConfigKeyException | MissingValueException e) {
            return e;
        } catch (ConfigException e) {
            boolean throughInterpolation = !resolved && TreeOps.walk(root, ConfigPath.parse(e.path()), false)
                    instanceof StringValue s && Interpolator.needsResolution(s);
            return throughInterpolation ? new ConfigKeyException(path, "Key '" + path + "' not found (the path leads"
                    + " through the interpolation at '" + e.path() + "')") : e;
        }
        return new ConfigKeyException(path, "Key '" + path + "' not found");
    }

    /** The string at {@code path}. */
    public String getString(String path) {
        return switch (get(path)) {
            case StringValue s -> s.value();
            case ConfigValue other -> throw typeError(path, other, "a string");
        };
    }

    /** The integer at {@code path}, which must fit an {@code int}. */
    public int getInt(String path) {
        long value = getLong(path);
        if (value != (int) value) {
            throw new ConfigException(path, "Value at '" + path + "' does not fit an int: " + value);
        }
        return (int) value;
    }

    /** The integer at {@code path}. */
    public long getLong(String path) {
        return switch (get(path)) {
            case IntValue i -> i.value();
            case ConfigValue other -> throw typeError(path, other, "an int");
        };
    }

    /** The number at {@code path} (an integer is widened). */
    public double getDouble(String path) {
        return switch (get(path)) {
            case FloatValue f -> f.value();
            case IntValue i -> i.value();
            case ConfigValue other -> throw typeError(path, other, "a float");
        };
    }

    /** The boolean at {@code path}. */
    public boolean getBoolean(String path) {
        return switch (get(path)) {
            case BoolValue b -> b.value();
            case ConfigValue other -> throw typeError(path, other, "a boolean");
        };
    }

    /**
     * The list at {@code path} as plain values (see {@link ConfigValue#toPlain()}).
     *
     * @throws MissingValueException if an item is {@code ???}
     */
    public List<Object> getList(String path) {
        ConfigValue node = get(path);
        if (!(node instanceof ListValue list)) {
            throw typeError(path, node, "a list");
        }
        List<Object> out = new ArrayList<>(list.items().size());
        for (int i = 0; i < list.items().size(); i++) {
            if (list.items().get(i) instanceof MissingValue) {
                throw new MissingValueException(path + "[" + i + "]");
            }
            out.add(list.items().get(i).toPlain());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The map at {@code path} as a config of its own, in the same mode and with the same resolvers.
     * Its interpolations are resolved against this whole tree first, so that references out of the
     * subtree keep their meaning.
     */
    public Config getConfig(String path) {
        ConfigValue node = get(path);
        if (!(node instanceof MapValue map)) {
            throw typeError(path, node, "a map");
        }
        return new Config(map, struct, resolvers, resolved);
    }

    /**
     * This config with {@code other} merged onto it: maps merge recursively, lists and scalars are
     * replaced, a {@code ???} does not replace a value. In struct mode, keys {@code other} adds are errors.
     */
    public Config merge(Config other) {
        return new Config(Merging.mergeMaps(root, other.root, struct, ""), struct, resolvers, resolved);
    }

    /**
     * {@code key=value}: changes the value at {@code path}; a map merges into a map. In struct mode
     * the key must already be there (and a merged map may not bring new keys).
     *
     * @param value a {@link ConfigValue} or a plain value ({@link ConfigValue#of(Object)})
     */
    public Config change(String path, Object value) {
        return update(path, value, TreeOps.Mode.CHANGE);
    }

    /** {@code +key=value}: adds a key that is not there yet, creating parent maps; allowed in struct mode. */
    public Config add(String path, Object value) {
        return update(path, value, TreeOps.Mode.ADD);
    }

    /** {@code ++key=value}: adds the key or changes its value; a map merges into a map and may add keys. */
    public Config forceAdd(String path, Object value) {
        return update(path, value, TreeOps.Mode.FORCE_ADD);
    }

    /** {@code ~key}: removes the key (or list item) at {@code path}. */
    public Config delete(String path) {
        List<String> segments = nonRoot(path);
        return new Config((MapValue) TreeOps.delete(root, segments, 0, ""), struct, resolvers, resolved);
    }

    private Config update(String path, Object value, TreeOps.Mode mode) {
        List<String> segments = nonRoot(path);
        return new Config((MapValue) TreeOps.set(root, segments, 0, "", ConfigValue.of(value), mode, struct), struct,
                resolvers, resolved);
    }

    private static List<String> nonRoot(String path) {
        List<String> segments = ConfigPath.parse(path);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a path to a key is needed; the root cannot be changed or deleted");
        }
        return segments;
    }

    private static ConfigException typeError(String path, ConfigValue actual, String wanted) {
        return new ConfigException(path, "Value at '" + path + "' is " + article(actual.typeName()) + ", not "
                + wanted);
    }

    private static String article(String typeName) {
        return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }

    /**
     * This config with every interpolation resolved by its resolvers (see {@link #withResolvers}):
     * {@code ${a.b}} and {@code ${.sibling}} keep the referenced node's type, text around
     * interpolations makes a string, {@code \${} stays a literal {@code ${}.
     *
     * @throws InterpolationException for a missing reference, a cycle, an unknown or failing resolver
     */
    public Config resolve() {
        return resolve(resolvers());
    }

    /**
     * This config with every interpolation resolved by {@code resolvers}; see {@link #resolve()}. The
     * result's values are final: reads do not resolve them again (an escaped {@code \${x}} stays the
     * text {@code ${x}}), nor does a second {@code resolve}, and {@link #toYaml()} writes such text
     * escaped again, so that loading the file gives the same values.
     */
    public Config resolve(Resolvers resolvers) {
        if (resolved) {
            return this;
        }
        return new Config(Interpolator.resolve(root, resolvers), struct, resolvers, true);
    }

    /** Whether this config's values are final (it was made by {@link #resolve}). */
    public boolean isResolved() {
        return resolved;
    }

    /**
     * The node at {@code path} with only the interpolations it needs resolved (the rest of the tree
     * may hold unresolvable values).
     *
     * @throws ConfigKeyException     if there is no node there
     * @throws InterpolationException if resolving it fails
     */
    public ConfigValue getResolved(String path, Resolvers resolvers) {
        ConfigValue value = Interpolator.resolveAt(root, ConfigPath.parse(path), resolvers);
        if (value == null) {
            get(path);
            throw new ConfigKeyException(path, "Key '" + path + "' not found");
        }
        if (value instanceof MissingValue) {
            throw new MissingValueException(path);
        }
        return value;
    }

    /**
     * This config as block-style YAML 1.2, keys in insertion order; in a {@linkplain #isResolved()
     * resolved} config, {@code ${} in strings is written {@code \${} so that it stays text when loaded.
     */
    public String toYaml() {
        return YamlText.write(resolved ? YamlText.escapeInterpolations(root) : root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config other && struct == other.struct && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode() * 31 + Boolean.hashCode(struct);
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
