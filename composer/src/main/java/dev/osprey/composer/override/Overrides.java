package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Parses Hydra's command-line override language.
 *
 * {@snippet :
 * ConfigOverride lr = Overrides.parse("optimizer.lr=tag(log, interval(1e-4, 1e-1))");
 * lr.valueType();                       // INTERVAL_SWEEP
 * Overrides.parse("db=mysql,postgresql").sweepStrings(new SplittableRandom());   // [mysql, postgresql]
 * Overrides.parse("msg=hello world").valueString();              // hello\ world
 * }
 *
 * <p>The language, to the letter of Hydra 1.4: {@code key=value}, {@code +key=value},
 * {@code ++key=value}, {@code ~key[=value]}, {@code group@package=option}; values are primitives
 * (typed when made of one token: ints of any size, floats with {@code inf}/{@code nan}, bools,
 * null; strings otherwise), quoted strings, {@code ${...}} interpolations, lists, dicts,
 * simple sweeps {@code a,b,c} and the functions {@code choice}, {@code range}, {@code interval},
 * {@code tag}, {@code glob}, {@code sort}, {@code shuffle}, {@code int}, {@code float}, {@code str},
 * {@code bool}, {@code json_str} and {@code extend_list}. See {@link Parser} and {@link Lexer} for
 * the grammar. Errors carry Hydra's message texts ({@link OverrideParseException#reason()}).
 *
 * @since 0.1
 */
public final class Overrides {

    private Overrides() {
    }

    /**
     * Parses one override. {@code shuffle([...])} permutes its list at parse time, with an unseeded
     * generator; use {@link #parse(String, RandomGenerator)} to make it reproducible.
     *
     * @throws OverrideParseException if the override is not valid
     */
    public static ConfigOverride parse(String override) {
        return parse(override, new SplittableRandom());
    }

    /** Parses one override; {@code random} drives {@code shuffle([...])}. */
    public static ConfigOverride parse(String override, RandomGenerator random) {
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(random, "random");
        return Evaluator.evaluate(override, Parser.parse(override), random);
    }

    /**
     * Parses overrides in order. The exception for the first invalid one also gives its
     * {@link OverrideParseException#index() index}.
     */
    public static List<ConfigOverride> parseAll(List<String> overrides) {
        return parseAll(overrides, new SplittableRandom());
    }

    /** Parses overrides in order; {@code random} drives {@code shuffle([...])}. */
    public static List<ConfigOverride> parseAll(List<String> overrides, RandomGenerator random) {
        List<ConfigOverride> parsed = new ArrayList<>(overrides.size());
        for (int i = 0; i < overrides.size(); i++) {
            try {
                parsed.add(parse(overrides.get(i), random));
            } catch (OverrideParseException e) {
                throw e.atIndex(i);
            }
        }
        return Collections.unmodifiableList(parsed);
    }

    /**
     * An element written as override text the way Hydra passes it to jobs: {@code True}/{@code False},
     * floats as Python's {@code repr} ({@code 1e-05}, {@code 10000000000.0}), quoted strings in their
     * own quotes, other strings with {@code \()[]{}:=,}, space and tab backslash-escaped, lists and
     * dicts without spaces ({@code [1,2]}, {@code {a:1}}). Parsing the result gives the same value,
     * except that a string reading as a number, bool or null ({@code str(10)}) comes back typed, as in Hydra.
     */
    public static String valueString(Element element) {
        return ValueStrings.of(element);
    }

    /**
     * A plain Java value written as override text that parses back to an equal value, for a sampler's
     * proposal: {@code null}, booleans ({@code True}), integers, doubles with every digit kept
     * ({@code 0.30000000000000004}, {@code 1e-05}), strings escaped ({@code hello\ world}) or, when
     * they would read as something else ({@code "10"}, {@code "true"}) or hold characters an unquoted
     * value cannot, quoted ({@code '10'}); enums by name; lists and maps (string keys) of these.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static String valueText(Object value) {
        return ProposalText.of(value);
    }

    /**
     * The override {@code name=value}, the value written by {@link #valueText(Object)}: what a job
     * receives for a proposed parameter. {@code name} is a key element such as {@code optimizer.lr},
     * {@code model} (a config group) or {@code +extra}.
     */
    public static String assignment(String name, Object value) {
        Objects.requireNonNull(name, "name");
        return name + "=" + ProposalText.of(value);
    }

    /**
     * An element as a plain Java value: {@code null}, {@link Boolean}, {@link java.math.BigInteger}
     * (ints), {@link Double}, {@link String} (quoted strings and interpolations included), an
     * unmodifiable {@link List}, or an unmodifiable insertion-ordered {@link Map} (keys are plain
     * values too).
     */
    public static Object plainValue(Element element) {
        return switch (element) {
            case NullValue n -> null;
            case BoolValue b -> b.value();
            case IntValue i -> i.value();
            case FloatValue f -> f.value();
            case StringValue s -> s.text();
            case QuotedString q -> q.text();
            case Interpolation i -> i.text();
            case ListValue l -> Collections.unmodifiableList(new ArrayList<>(l.items().stream()
                    .map(Overrides::plainValue).toList()));
            case DictValue d -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                d.entries().forEach(e -> map.put(plainValue(e.key()), plainValue(e.value())));
                yield Collections.unmodifiableMap(map);
            }
        };
    }
}
