package dev.osprey.sweeper.space;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.NumberValue;
import dev.osprey.composer.override.Overrides;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.GlobSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a search space for Bayesian samplers from overrides, as Hydra's Optuna sweeper does:
 *
 * <table>
 * <caption>sweep to distribution</caption>
 * <tr><th>override value</th><th>distribution</th></tr>
 * <tr><td>{@code interval(a, b)}</td><td>{@code FloatDistribution(a, b)}</td></tr>
 * <tr><td>{@code tag(log, interval(a, b))}</td><td>{@code FloatDistribution(a, b, log)}</td></tr>
 * <tr><td>{@code int(interval(a, b))}</td><td>{@code IntDistribution(a, b)} ({@code tag(log, ...)}: log)</td></tr>
 * <tr><td>{@code range(a, b, s)}, all ints</td><td>{@code IntDistribution(first, last, |s|)}</td></tr>
 * <tr><td>{@code range(a, b, s)}, with floats</td><td>{@code FloatDistribution(first, last, step |s|)}</td></tr>
 * <tr><td>{@code a,b,c}, {@code choice(a, b, c)}</td><td>{@code CategoricalDistribution(a, b, c)}</td></tr>
 * <tr><td>{@code glob(...)}</td><td>{@code CategoricalDistribution} of the matching group options</td></tr>
 * </table>
 *
 * <p><b>Ranges exclude their stop</b>, as they do everywhere in the override language:
 * {@code range(1, 10)} is {@code IntDistribution(1, 9)} and {@code range(0, 1, 0.25)} is
 * {@code FloatDistribution(0.0, 0.75, step 0.25)}, the same values the basic sweeper would try.
 * Hydra's Optuna sweeper instead includes the stop ({@code range(1, 10)} gives 1..10). Intervals
 * keep Optuna's inclusive upper bound. A descending range gives the same set as its ascending twin.
 *
 * <p>The parameter name is the override's key element ({@code optimizer.lr}, {@code +extra},
 * {@code db@backup}), so {@code name=value} is the override a trial's job receives. Tags other than
 * {@code log}, and the shuffle flag, are ignored. Choices must be strings, numbers, booleans or null
 * (quoted strings and interpolations count as strings), and distinct.
 *
 * @since 0.1
 */
public final class SearchSpaces {

    private SearchSpaces() {
    }

    /** Parses the overrides, then {@link #fromOverrides(List)}. */
    public static SearchSpace fromStrings(List<String> overrides) {
        return fromOverrides(Overrides.parseAll(overrides));
    }

    /**
     * The search space of the sweeps among {@code overrides} and the remaining fixed overrides. A later
     * override with the key element of an earlier one replaces it, in the earlier one's position.
     *
     * @throws ComposerException if a sweep cannot be a distribution (an empty range, a list among the
     *                         choices, a glob: see {@link #fromOverrides(List, Function)})
     */
    public static SearchSpace fromOverrides(List<ConfigOverride> overrides) {
        return fromOverrides(overrides, null);
    }

    /** Like {@link #fromOverrides(List)}, with the options of each config group for {@code glob(...)}. */
    public static SearchSpace fromOverrides(List<ConfigOverride> overrides, Function<String, List<String>> groupOptions) {
        Map<String, ConfigOverride> byKey = new LinkedHashMap<>();
        overrides.forEach(o -> byKey.put(o.keyElement(), o));
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        List<ConfigOverride> fixed = new ArrayList<>();
        Map<String, ConfigOverride> sweeps = new LinkedHashMap<>();
        for (ConfigOverride override : byKey.values()) {
            if (override.isSweep()) {
                distributions.put(override.keyElement(), distribution(override, groupOptions));
                sweeps.put(override.keyElement(), override);
            } else {
                fixed.add(override);
            }
        }
        return new SearchSpace(distributions, new TrialOverrides(fixed, sweeps));
    }

    private static Distribution distribution(ConfigOverride override, Function<String, List<String>> groupOptions) {
        try {
            return switch (override.value()) {
                case IntervalSweep i -> interval(i);
                case RangeSweep r -> range(r);
                case ChoiceSweep c -> categorical(c.choices());
                case GlobSweep g -> {
                    if (groupOptions == null) {
                        throw new IllegalArgumentException("glob() selects among the options of config group '"
                                + override.key() + "'; pass the group options");
                    }
                    yield new CategoricalDistribution(new ArrayList<>(g.filter(groupOptions.apply(override.key()))));
                }
                case null, default -> throw new IllegalStateException("not a sweep");
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ComposerException("cannot make a search space of '" + override.input() + "': " + e.getMessage(), e);
        }
    }

    private static Distribution interval(IntervalSweep interval) {
        boolean log = interval.tags().contains("log");
        if (interval.isIntInterval()) {
            return new IntDistribution(integer(interval.start()), integer(interval.end()), log, 1);
        }
        return new FloatDistribution(interval.start().doubleValue(), interval.end().doubleValue(), log, null);
    }

    private static Distribution range(RangeSweep range) {
        long size = range.size();
        if (size == 0) {
            throw new IllegalArgumentException("the range is empty");
        }
        NumberValue first = range.valueAt(0);
        NumberValue last = range.valueAt(size - 1);
        boolean ascending = range.step().doubleValue() > 0;
        NumberValue low = ascending ? first : last;
        NumberValue high = ascending ? last : first;
        boolean log = range.tags().contains("log");
        if (range.isIntRange()) {
            int step = Math.abs(integer(range.step()));
            if (log && step != 1 && size > 1) {
                throw new IllegalArgumentException("a log-scaled int range needs step 1, but the step is " + step);
            }
            return new IntDistribution(integer(low), integer(high), log, log ? 1 : step);
        }
        if (log) {
            throw new IllegalArgumentException("a float range has a step and cannot be log-scaled;"
                    + " use tag(log, interval(a, b)) for a continuous log scale");
        }
        return new FloatDistribution(low.doubleValue(), high.doubleValue(), false, Math.abs(range.step().doubleValue()));
    }

    private static int integer(NumberValue value) {
        return switch (value) {
            case IntValue i -> {
                // Hydra's ints are unbounded; an int distribution holds Java ints, so say which value does not fit
                if (i.value().bitLength() > 31) {
                    throw new IllegalArgumentException("the integer " + i.value() + " is out of the 32-bit range of an"
                            + " int distribution");
                }
                yield i.value().intValue();
            }
            case FloatValue f -> throw new IllegalStateException("not an int: " + f);
        };
    }

    private static Distribution categorical(List<Element> choices) {
        List<Object> values = new ArrayList<>(choices.size());
        for (Element choice : choices) {
            Object value = Overrides.plainValue(choice);
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                throw new IllegalArgumentException("a categorical choice must be a string, number, boolean or null,"
                        + " but got " + Overrides.valueString(choice));
            }
            if (value instanceof java.math.BigInteger b && b.bitLength() > 63) {
                throw new IllegalArgumentException("the integer " + b + " is out of the 64-bit range of a categorical"
                        + " choice");
            }
            values.add(value instanceof java.math.BigInteger b ? (Object) b.longValue() : value);
        }
        return new CategoricalDistribution(values);
    }
}
