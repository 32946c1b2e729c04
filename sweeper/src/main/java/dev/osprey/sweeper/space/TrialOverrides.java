package dev.osprey.sweeper.space;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;
import dev.osprey.composer.override.Overrides;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.GlobSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The typed overrides of each trial's job: the fixed overrides every job receives, then, for each
 * parameter the study gives a value, its sweep's override with that value
 * ({@link ConfigOverride#withValue}). A study stores plain values ({@link #studyValue}); this maps
 * them back to the sweep's own elements, so that a choice such as {@code "it's"} or {@code '10'}
 * reaches the job exactly as it was given, and never passes through text.
 *
 * @param fixed  the overrides that are not sweeps, in order
 * @param sweeps the sweeps by parameter name, which is the sweep's key element ({@code optimizer.lr},
 *               {@code +extra}, {@code db@backup})
 * @since 0.1
 */
public record TrialOverrides(List<ConfigOverride> fixed, Map<String, ConfigOverride> sweeps) {

    public TrialOverrides {
        fixed = List.copyOf(fixed);
        for (ConfigOverride override : fixed) {
            if (override.isSweep()) {
                throw new IllegalArgumentException("a fixed override has a single value, but '" + override.input()
                        + "' is a sweep; pass it among the sweeps");
            }
        }
        sweeps = Collections.unmodifiableMap(new LinkedHashMap<>(sweeps));
        sweeps.forEach((name, sweep) -> {
            if (!sweep.isSweep() || !sweep.keyElement().equals(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' must map to a sweep with that key element,"
                        + " but maps to '" + sweep.input() + "'");
            }
        });
    }

    /**
     * Sorts overrides into fixed ones and sweeps; a later sweep with the key element of an earlier one
     * replaces it, in its position.
     */
    public static TrialOverrides of(List<ConfigOverride> overrides) {
        List<ConfigOverride> fixed = new ArrayList<>();
        Map<String, ConfigOverride> sweeps = new LinkedHashMap<>();
        for (ConfigOverride override : overrides) {
            if (override.isSweep()) {
                sweeps.put(override.keyElement(), override);
            } else {
                fixed.add(override);
            }
        }
        return new TrialOverrides(fixed, sweeps);
    }

    /**
     * The overrides of the job of a trial with these parameter values (as the study gives them): the
     * fixed overrides, then one per parameter, in the order of {@code params}.
     *
     * @throws IllegalArgumentException naming the parameter, for a name that is not a sweep's or a
     *                                  value that is not one of its sweep's
     */
    public List<ConfigOverride> forTrial(Map<String, ?> params) {
        List<ConfigOverride> job = new ArrayList<>(fixed);
        params.forEach((name, value) -> job.add(parameter(name, value)));
        return Collections.unmodifiableList(job);
    }

    /** The override that gives the parameter {@code name} the value {@code value}, as the study stores it. */
    public ConfigOverride parameter(String name, Object value) {
        ConfigOverride sweep = sweeps.get(name);
        if (sweep == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is none of the swept overrides "
                    + sweeps.keySet() + "; a trial's parameters are named by the key elements of the sweeps");
        }
        return sweep.withValue(element(sweep, value));
    }

    /**
     * The value a study stores for a sweep's element: {@code null}, a {@code Boolean}, a {@code Long},
     * a {@code Double} or a {@code String} (quoted strings and interpolations by their text). A list or
     * a dict, which a study cannot hold as a choice, is stored under its override text ({@code [1,2]}),
     * a name that {@link #forTrial} maps back to the element.
     *
     * @throws IllegalArgumentException for an int outside 64 bits
     */
    public static Object studyValue(Element element) {
        return switch (element) {
            case NullValue n -> null;
            case BoolValue b -> b.value();
            case IntValue i -> {
                if (i.value().bitLength() > 63) {
                    throw new IllegalArgumentException("the integer " + i.value() + " is out of the 64-bit range"
                            + " that a study stores");
                }
                yield i.value().longValue();
            }
            case FloatValue f -> f.value();
            case StringValue s -> s.text();
            case QuotedString q -> q.text();
            case Interpolation i -> i.text();
            case ListValue l -> Overrides.valueString(l);
            case DictValue d -> Overrides.valueString(d);
        };
    }

    private static Element element(ConfigOverride sweep, Object value) {
        return switch (sweep.value()) {
            case ChoiceSweep choice -> {
                for (Element candidate : choice.choices()) {
                    if (Objects.equals(studyValue(candidate), normalized(value))) {
                        yield candidate;
                    }
                }
                throw notOneOf(sweep, value);
            }
            case GlobSweep glob -> {
                if (value instanceof String option) {
                    yield new StringValue(option);
                }
                throw notOneOf(sweep, value);
            }
            case RangeSweep range -> number(sweep, value);
            case IntervalSweep interval -> number(sweep, value);
            case Element element -> throw new IllegalStateException("not a sweep: " + sweep.input());
            case null -> throw new IllegalStateException("not a sweep: " + sweep.input());
        };
    }

    /** Integral numbers as {@code Long}, other numbers as {@code Double}: how a study hands them out. */
    private static Object normalized(Object value) {
        return switch (value) {
            case Byte b -> b.longValue();
            case Short s -> s.longValue();
            case Integer i -> i.longValue();
            case Float f -> f.doubleValue();
            case null, default -> value;
        };
    }

    private static Element number(ConfigOverride sweep, Object value) {
        return switch (normalized(value)) {
            case Long l -> IntValue.of(l);
            case Double d -> new FloatValue(d);
            case null, default -> throw notOneOf(sweep, value);
        };
    }

    private static IllegalArgumentException notOneOf(ConfigOverride sweep, Object value) {
        return new IllegalArgumentException("parameter '" + sweep.keyElement() + "' has the value " + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")")
                + ", which is not one of the values of '" + sweep.input() + "'");
    }
}
