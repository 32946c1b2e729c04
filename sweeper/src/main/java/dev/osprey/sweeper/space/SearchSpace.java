package dev.osprey.sweeper.space;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Overrides;
import dev.osprey.optimizer.space.Distribution;

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
     * {@code <name>=<value>} for each parameter in {@code params}, each value written so that it reads
     * back as the same value ({@link Overrides#valueText(Object)}: {@code 0.001}, {@code 1e-05},
     * {@code True}, {@code hello\ world}, and {@code '10'} for the string {@code "10"}).
     *
     * @throws IllegalArgumentException for a value that cannot be written (see {@link Overrides#valueText})
     */
    public List<String> jobOverrides(Map<String, ?> params) {
        List<String> job = new ArrayList<>();
        fixed.forEach(o -> job.add(o.jobString()));
        params.forEach((name, value) -> {
            try {
                job.add(Overrides.assignment(name, value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
            }
        });
        return Collections.unmodifiableList(job);
    }
}
