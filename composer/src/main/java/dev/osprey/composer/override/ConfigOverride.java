package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.GlobSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One parsed command-line override, such as {@code +db@backup=mysql} or
 * {@code optimizer.lr=tag(log, interval(1e-4, 1e-1))}. (Named {@code ConfigOverride} rather than
 * Hydra's {@code Override} so that importing it does not hide {@code java.lang.Override}.)
 *
 * @param kind        what the override does, from its prefix
 * @param key         the config path ({@code a.b.c}) or config group ({@code server/db}); the parser
 *                    does not tell them apart, the config repository does
 * @param packageName the package after {@code @}: {@code null} when absent, {@code ""} for {@code key@}
 * @param value       the value, or {@code null} for a bare {@code ~key}; {@code key=} gives the empty string
 * @param input       the override as written; for one made in code ({@link #of}), its {@link #jobString()}
 * @since 0.1
 */
public record ConfigOverride(OverrideKind kind, String key, String packageName, Value value, String input) {

    public ConfigOverride {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (value == null && kind != OverrideKind.DELETE) {
            throw new IllegalArgumentException("only a delete (~key) may have no value: " + input);
        }
        if (kind == OverrideKind.EXTEND_LIST && !(value instanceof ListValue)) {
            throw new IllegalArgumentException("an extend_list override needs a list value: " + input);
        }
    }

    /**
     * The prefix, the key and the package: {@code ~key}, {@code +group@pkg}. Two overrides with the
     * same key element address the same thing ({@code a=1} and {@code +a=1} do not).
     */
    public String keyElement() {
        return keyElement(kind, key, packageName);
    }

    private static String keyElement(OverrideKind kind, String key, String packageName) {
        return kind.prefix() + key + (packageName == null ? "" : "@" + packageName);
    }

    /** The value type, {@code null} for a bare {@code ~key}. */
    public ValueType valueType() {
        return ValueType.of(value);
    }

    /** Whether the value is a sweep (any type but {@link ValueType#ELEMENT}). */
    public boolean isSweep() {
        return value instanceof Sweep;
    }

    /** Whether the value is a sweep that can be enumerated: a choice, a range or a glob. */
    public boolean isDiscreteSweep() {
        return value instanceof ChoiceSweep || value instanceof RangeSweep || value instanceof GlobSweep;
    }

    /** Whether the override addresses Hydra's own configuration ({@code hydra.} or {@code hydra/} keys). */
    public boolean isHydraOverride() {
        return key.startsWith("hydra.") || key.startsWith("hydra/");
    }

    /**
     * An override made in code rather than parsed from text: a flag's setting, a trial's value of
     * a sweep. Its {@link #input()} is its {@link #jobString()}, so that messages show it as a job
     * receives it.
     *
     * @param packageName the package after {@code @}, or {@code null} for none
     * @throws IllegalArgumentException for a key that is empty or holds a space, {@code =} or
     *                                  {@code @}, or a value that no override text can hold (a
     *                                  dict key that is not a plain word)
     */
    public static ConfigOverride of(OverrideKind kind, String key, String packageName, Element value) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty() || key.chars().anyMatch(c -> c == '=' || c == '@' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("an override key is a config path such as optimizer.lr or a config"
                    + " group such as db, without spaces, '=' or '@' (the package is separate), but got '" + key + "'");
        }
        return new ConfigOverride(kind, key, packageName, value, jobString(kind, keyElement(kind, key, packageName), value));
    }

    /**
     * This override with {@code newValue} in place of its value, keeping its kind, key and package:
     * for a sweep, the override of one of its values (a grid point, a sampler's proposal).
     */
    public ConfigOverride withValue(Element newValue) {
        return of(kind, key, packageName, newValue);
    }

    /**
     * The override as a job receives it, in its {@code {overrides}} arguments and its
     * {@code .osprey/overrides.yaml}: {@code <key element>=<value>}, the value written so that the
     * override grammar reads it back as the same value of the same type. Strings stay strings
     * ({@code '10'}), floats keep every digit ({@code 1e-05}, {@code 0.30000000000000004}), a string
     * that an unquoted value cannot hold is quoted ({@code "it's"}, {@code ';x'}), others are escaped
     * as Hydra escapes them ({@code hello\ world}); a bare delete stays {@code ~key} and an
     * extend-list override stays {@code key=extend_list(a,b)}.
     *
     * @throws IllegalStateException for a sweep, which has no single value
     */
    public String jobString() {
        return switch (value) {
            case null -> keyElement();
            case Element element -> jobString(kind, keyElement(), element);
            case Sweep sweep -> throw new IllegalStateException("a sweep has no single job string: " + input);
        };
    }

    private static String jobString(OverrideKind kind, String keyElement, Element value) {
        return value instanceof ListValue list && kind == OverrideKind.EXTEND_LIST
                ? keyElement + "=extend_list(" + list.items().stream().map(JobText::of).collect(Collectors.joining(",")) + ")"
                : keyElement + "=" + JobText.of(value);
    }

    /**
     * The value written back the way Hydra passes it to jobs ({@code a b} becomes {@code a\ b},
     * {@code [1, 2]} becomes {@code [1,2]}, {@code true} becomes {@code True}, {@code str(10)}
     * becomes {@code 10}); {@code null} for a bare {@code ~key}. For comparing with Hydra; jobs
     * receive {@link #jobString()}.
     *
     * @throws IllegalStateException for a sweep, which has no single value
     */
    public String valueString() {
        return switch (value) {
            case null -> "null";
            case Element element -> ValueStrings.of(element);
            case Sweep sweep -> throw new IllegalStateException("a sweep has no single value string: " + input);
        };
    }

    /**
     * The override as Hydra's basic sweeper writes it for a job: {@code <key element>=<value string>},
     * with Hydra's {@link #valueString()}, for comparing with Hydra. Two forms differ from Hydra's
     * on purpose: a bare delete stays {@code ~key} (Hydra writes {@code ~key=null}, which Hydra 1.4
     * then reads as "delete only if the value is null"), and an extend-list override stays
     * {@code key=extend_list(a,b)} (Hydra writes {@code key=[a,b]}, which replaces the list instead
     * of extending it).
     *
     * @throws IllegalStateException for a sweep
     */
    public String hydraJobString() {
        return switch (value) {
            case null -> keyElement();
            case ListValue list when kind == OverrideKind.EXTEND_LIST -> keyElement() + "=extend_list("
                    + list.items().stream().map(ValueStrings::of).collect(Collectors.joining(",")) + ")";
            case Element element -> keyElement() + "=" + ValueStrings.of(element);
            case Sweep sweep -> throw new IllegalStateException("a sweep has no single job string: " + input);
        };
    }

    /**
     * The values a sweeper substitutes for this sweep, one per job, in order (a new random order
     * for a shuffled sweep).
     *
     * @throws IllegalStateException if the value is not a choice or range sweep (a glob needs the
     *                               group's options: {@link #sweepElements(RandomGenerator, List)})
     */
    public List<Element> sweepElements(RandomGenerator random) {
        requireNoGlob();
        return sweepElements(random, List.of());
    }

    /**
     * Like {@link #sweepElements(RandomGenerator)}, with the options of the config group named by
     * {@link #key()} for a {@code glob(...)} value; each selected option is a string.
     */
    public List<Element> sweepElements(RandomGenerator random, List<String> groupOptions) {
        Objects.requireNonNull(random, "random");
        return switch (value) {
            case ChoiceSweep c -> Enumerations.elements(c, random);
            case RangeSweep r -> Enumerations.elements(r, random);
            case GlobSweep g -> g.filter(groupOptions).stream().<Element>map(Element.StringValue::new).toList();
            case IntervalSweep i -> throw new IllegalStateException(
                    "an interval is continuous and cannot be enumerated: " + input);
            case Element e -> throw new IllegalStateException("not a sweep: " + input);
            case null -> throw new IllegalStateException("not a sweep: " + input);
        };
    }

    /**
     * The values of {@link #sweepElements(RandomGenerator)} as Hydra's strings ({@link #valueString()}),
     * for comparing with Hydra.
     */
    public List<String> sweepStrings(RandomGenerator random) {
        requireNoGlob();
        return sweepStrings(random, List.of());
    }

    /**
     * Like {@link #sweepStrings(RandomGenerator)}, with the options of the config group named by
     * {@link #key()} for a {@code glob(...)} value (written as they are named).
     */
    public List<String> sweepStrings(RandomGenerator random, List<String> groupOptions) {
        if (value instanceof GlobSweep g) {
            return g.filter(groupOptions);
        }
        return sweepElements(random, groupOptions).stream().map(ValueStrings::of).toList();
    }

    private void requireNoGlob() {
        if (value instanceof GlobSweep) {
            throw new IllegalStateException("glob() selects among the options of config group '" + key
                    + "'; enumerate it with the group's options");
        }
    }

    @Override
    public String toString() {
        return input;
    }
}
