package dev.osprey.sweeper.space;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.optimizer.space.Distribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sampler searches over, read from overrides by {@link SearchSpaces#fromOverrides}: one
 * distribution per swept key, and how a trial's values become its job's overrides.
 *
 * @param distributions  the distributions by parameter name (the override's key element, such as
 *                       {@code optimizer.lr} or {@code +extra}), in the order of the overrides
 * @param trialOverrides the overrides every trial receives unchanged, and the sweeps the parameters
 *                       come from
 * @since 0.1
 */
public record SearchSpace(Map<String, Distribution> distributions, TrialOverrides trialOverrides) {

    public SearchSpace {
        distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        Objects.requireNonNull(trialOverrides, "trialOverrides");
        if (!distributions.keySet().equals(trialOverrides.sweeps().keySet())) {
            throw new IllegalArgumentException("the distributions " + distributions.keySet()
                    + " and the sweeps " + trialOverrides.sweeps().keySet() + " must name the same parameters");
        }
    }

    /** The overrides that are not sweeps, in order. */
    public List<ConfigOverride> fixed() {
        return trialOverrides.fixed();
    }

    /**
     * The overrides a job receives for one trial: the fixed overrides, then, for each parameter in
     * {@code params}, its sweep's override with that value, typed as the sweep gave it (the choice
     * {@code '10'} stays the string "10"). A job receives each as its {@link ConfigOverride#jobString()}.
     *
     * @throws IllegalArgumentException naming the parameter, for a value none of its sweep's
     */
    public List<ConfigOverride> jobOverrides(Map<String, ?> params) {
        return trialOverrides.forTrial(params);
    }
}
