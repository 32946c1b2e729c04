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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
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
 * Overrides.assignment("+note", "it's").jobString();             // +note="it's"
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
     * The override that sets the parameter {@code keyElement} to {@code value}, for a sampler's
     * proposal: the key element ({@code optimizer.lr}, {@code model} for a config group,
     * {@code +extra}, {@code db@backup}) is parsed, the value converted by {@link #element(Object)}.
     * No value passes through text, so the string {@code "10"} stays a string.
     *
     * @throws OverrideParseException   if {@code keyElement} is not a key element
     * @throws IllegalArgumentException if the value has no element form (see {@link #element(Object)})
     */
    public static ConfigOverride assignment(String keyElement, Object value) {
        Objects.requireNonNull(keyElement, "keyElement");
        Syntax.OverrideNode key = Parser.parseKeyElement(keyElement);
        return ConfigOverride.of(key.kind(), key.key(), key.packageName(), element(value));
    }

    /**
     * A plain Java value as an element: {@code null}, booleans, integers ({@code Integer},
     * {@code Long}, {@code BigInteger}, ...), doubles, floats (as their shortest decimal, so
     * {@code 0.1f} is 0.1), strings and other character sequences, enums (by name), and lists
     * and maps (in iteration order; keys strings, numbers, booleans or null) of these.
     *
     * @throws IllegalArgumentException for any other value, naming its type
     */
    public static Element element(Object value) {
        return switch (value) {
            case null -> NullValue.INSTANCE;
            case Boolean b -> new BoolValue(b);
            case Byte b -> IntValue.of(b);
            case Short s -> IntValue.of(s);
            case Integer i -> IntValue.of(i);
            case Long l -> IntValue.of(l);
            case BigInteger b -> new IntValue(b);
            case Double d -> new FloatValue(d);
            case Float f -> new FloatValue(Float.isFinite(f) ? new BigDecimal(Float.toString(f)).doubleValue()
                    : f.doubleValue());
            case CharSequence text -> new StringValue(text.toString());
            case Enum<?> e -> new StringValue(e.name());
            case Collection<?> items -> new ListValue(items.stream().map(Overrides::element).toList());
            case Map<?, ?> map -> {
                List<Element.Entry> entries = new ArrayList<>(map.size());
                map.forEach((k, v) -> entries.add(new Element.Entry(element(k), element(v))));
                yield new DictValue(entries);
            }
            default -> throw new IllegalArgumentException("a value of type " + value.getClass().getName()
                    + " has no override form; use a string, number, boolean, null, enum, list or map");
        };
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
