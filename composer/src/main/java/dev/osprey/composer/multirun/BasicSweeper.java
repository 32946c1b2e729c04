package dev.osprey.composer.multirun;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import dev.osprey.composer.override.Sweep.GlobSweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Hydra's basic sweeper: every combination of the swept values, in batches.
 *
 * {@snippet :
 * BasicSweeper.create().withMaxBatchSize(2).batchesOf(List.of("a=1,2", "b=10,11"));
 * // [[[a=1, b=10], [a=1, b=11]], [[a=2, b=10], [a=2, b=11]]]
 * }
 *
 * <ul>
 * <li>Each override becomes the list of single-valued overrides of its jobs: a choice, range or
 *     glob sweep one override per value ({@link ConfigOverride#withValue}), in order (a shuffled
 *     sweep in a fresh random order); any other override itself.</li>
 * <li>Overrides are keyed by key element ({@code a} and {@code +a} differ): a later override with the
 *     key element of an earlier one replaces its values but keeps its position.</li>
 * <li>Jobs are the Cartesian product in that order, the first override varying slowest; an empty
 *     sweep makes no jobs. Intervals cannot be enumerated and are rejected.</li>
 * <li>Jobs are cut into consecutive batches of at most {@code maxBatchSize} (all in one batch when unset).</li>
 * </ul>
 *
 * <p>{@link #jobs} and {@link #batches} give typed overrides. {@link #batchesOf} takes and gives
 * text, for comparing with Hydra: each job override written as Hydra's basic sweeper writes it
 * ({@link ConfigOverride#hydraJobString()}: {@code a=hello world} becomes {@code a=hello\ world},
 * {@code a=[1, 2]} becomes {@code a=[1,2]}), with its two deliberate differences: a bare delete
 * {@code ~a} stays {@code ~a}, not {@code ~a=null}, and {@code a=extend_list(x,y)} stays as
 * written, not {@code a=[x,y]}.
 *
 * @since 0.1
 */
public final class BasicSweeper {

    private final Integer maxBatchSize;
    private final RandomGenerator random;
    private final Function<String, List<String>> groupOptions;

    private BasicSweeper(Integer maxBatchSize, RandomGenerator random, Function<String, List<String>> groupOptions) {
        if (maxBatchSize != null && maxBatchSize < 0) {
            throw new IllegalArgumentException("maxBatchSize must be positive, or 0 or null for a single batch, but got "
                    + maxBatchSize);
        }
        this.maxBatchSize = maxBatchSize;
        this.random = Objects.requireNonNull(random, "random");
        this.groupOptions = groupOptions;
    }

    /** A sweeper with a single batch, an unseeded random order for shuffled sweeps and no config groups. */
    public static BasicSweeper create() {
        return new BasicSweeper(null, new SplittableRandom(), null);
    }

    /** The same sweeper with at most {@code n} jobs per batch; {@code null} or 0 for a single batch. */
    public BasicSweeper withMaxBatchSize(Integer n) {
        return new BasicSweeper(n, random, groupOptions);
    }

    /** The same sweeper, shuffling shuffled sweeps with {@code generator}. */
    public BasicSweeper withRandom(RandomGenerator generator) {
        return new BasicSweeper(maxBatchSize, generator, groupOptions);
    }

    /** The same sweeper, expanding {@code glob(...)} over the options that {@code options} lists for a config group. */
    public BasicSweeper withGroupOptions(Function<String, List<String>> options) {
        return new BasicSweeper(maxBatchSize, random, Objects.requireNonNull(options, "options"));
    }

    /**
     * Parses the overrides, sweeps them with {@link #batches(List)} and writes each job override as
     * Hydra's basic sweeper does ({@link ConfigOverride#hydraJobString()}), for comparing with Hydra.
     */
    public List<List<List<String>>> batchesOf(List<String> overrides) {
        return batches(Overrides.parseAll(overrides, random)).stream()
                .map(batch -> batch.stream()
                        .map(job -> job.stream().map(ConfigOverride::hydraJobString).toList())
                        .toList())
                .toList();
    }

    /** The jobs, each the list of single-valued overrides it receives, cut into batches. */
    public List<List<List<ConfigOverride>>> batches(List<ConfigOverride> overrides) {
        List<List<ConfigOverride>> jobs = jobs(overrides);
        if (maxBatchSize == null || maxBatchSize == 0) {
            return List.of(jobs);
        }
        List<List<List<ConfigOverride>>> batches = new ArrayList<>();
        for (int from = 0; from < jobs.size(); from += maxBatchSize) {
            batches.add(jobs.subList(from, Math.min(jobs.size(), from + maxBatchSize)));
        }
        return Collections.unmodifiableList(batches);
    }

    /** The jobs, each the list of single-valued overrides it receives, in order. */
    public List<List<ConfigOverride>> jobs(List<ConfigOverride> overrides) {
        Map<String, List<ConfigOverride>> byKey = new LinkedHashMap<>();
        for (ConfigOverride override : overrides) {
            byKey.put(override.keyElement(), jobOverrides(override));
        }
        return product(byKey.values());
    }

    private List<ConfigOverride> jobOverrides(ConfigOverride override) {
        if (!override.isSweep()) {
            return List.of(override);
        }
        if (!override.isDiscreteSweep()) {
            throw new ComposerException("BasicSweeper does not support sweep type : " + override.valueType().name());
        }
        List<Element> values;
        try {
            values = override.value() instanceof GlobSweep
                    ? override.sweepElements(random, options(override))
                    : override.sweepElements(random);
        } catch (IllegalArgumentException e) {
            throw new ComposerException("cannot enumerate '" + override.input() + "': " + e.getMessage(), e);
        }
        return values.stream().map(override::withValue).toList();
    }

    private List<String> options(ConfigOverride override) {
        if (groupOptions == null) {
            throw new ComposerException("'" + override.input() + "' selects among the options of config group '"
                    + override.key() + "'; give the sweeper the group options (withGroupOptions)");
        }
        return groupOptions.apply(override.key());
    }

    private static List<List<ConfigOverride>> product(Collection<List<ConfigOverride>> lists) {
        List<List<ConfigOverride>> jobs = List.of(List.of());
        for (List<ConfigOverride> values : lists) {
            List<List<ConfigOverride>> next = new ArrayList<>(jobs.size() * values.size());
            for (List<ConfigOverride> job : jobs) {
                for (ConfigOverride value : values) {
                    List<ConfigOverride> extended = new ArrayList<>(job);
                    extended.add(value);
                    next.add(Collections.unmodifiableList(extended));
                }
            }
            jobs = next;
        }
        return Collections.unmodifiableList(jobs);
    }
}
