package dev.osprey.composer.sweep;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import dev.osprey.optimizer.space.Distribution;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sampler searches over, read from overrides by {@link SearchSpaces#fromOverrides}: one
 * distribution per swept key, and the overrides every trial receives unchanged.
 *
 * @param distributions the distributions by parameter name (the override's key element, such as
 *                      {@code optimizer.lr} or {@code +extra}), in the order of the overrides
 * @param fixed         the overrides that are not sweeps, in order
 * @since 0.1
 */
public record SearchSpace(Map<String, Distribution> distributions, List<ConfigOverride> fixed) {

    public SearchSpace {
        distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        fixed = List.copyOf(fixed);
    }

    /**
     * The overrides a job receives for one trial: the fixed overrides as Hydra passes them, then
     * {@code <name>=<value>} for each parameter in {@code params} (values are strings, numbers,
     * booleans or null, written as Hydra writes them: {@code 0.001}, {@code 1e-05}, {@code True},
     * {@code hello\ world}).
     */
    public List<String> jobOverrides(Map<String, ?> params) {
        List<String> job = new ArrayList<>();
        fixed.forEach(o -> job.add(o.jobString()));
        params.forEach((name, value) -> job.add(name + "=" + Overrides.valueString(element(name, value))));
        return Collections.unmodifiableList(job);
    }

    private static Element element(String name, Object value) {
        return switch (value) {
            case null -> Element.NullValue.INSTANCE;
            case Boolean b -> new Element.BoolValue(b);
            case Integer i -> Element.IntValue.of(i);
            case Long l -> Element.IntValue.of(l);
            case BigInteger b -> new Element.IntValue(b);
            case Double d -> new Element.FloatValue(d);
            case Float f -> new Element.FloatValue(f);
            case String s -> new Element.StringValue(s);
            default -> throw new IllegalArgumentException("parameter '" + name + "' has a value of type "
                    + value.getClass().getName() + "; use a string, number, boolean or null");
        };
    }
}
