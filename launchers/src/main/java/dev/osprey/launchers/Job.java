package dev.osprey.launchers;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.ConfigOverride;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One job for a launcher: a trial's composed config and what to run on it.
 *
 * @param number     the job number within its sweep (the trial number when a study drives it)
 * @param task       what runs: a {@link Task.Program} or a {@link Task.JavaTask}
 * @param config     the composed, resolved config of the job
 * @param overrides  the job's overrides, single-valued ({@code optimizer.lr=0.01}); a program receives
 *                   each as its {@link ConfigOverride#jobString()}
 * @param directory  the job's own directory; it exists, and the job's files (logs, result) go there
 * @param settings   the launcher settings for this job (the {@code osprey.launcher} subtree after
 *                   the job's overrides, so resources such as {@code cpus_per_task} can be swept)
 * @param timeout    wall-clock limit of the job, if any
 * @param pruning    where intermediate values go and whether the job should stop early
 * @since 0.1
 */
public record Job(int number, Task task, Config config, List<ConfigOverride> overrides, Path directory,
                  Config settings, Optional<Duration> timeout, Pruning pruning) {

    public Job {
        if (number < 0) {
            throw new IllegalArgumentException("job number must be >= 0, got " + number);
        }
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(config, "config");
        overrides = List.copyOf(overrides);
        for (ConfigOverride override : overrides) {
            if (override.isSweep()) {
                throw new IllegalArgumentException("a job's overrides have single values, but '" + override.input()
                        + "' is a sweep; give the job one of its values (ConfigOverride.withValue)");
            }
        }
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("job timeout must be positive, got " + t);
            }
        });
        Objects.requireNonNull(pruning, "pruning");
    }

    /** A job with no launcher settings, no timeout and no pruning. */
    public static Job of(int number, Task task, Config config, List<ConfigOverride> overrides, Path directory) {
        return new Job(number, task, config, overrides, directory, Config.empty(), Optional.empty(), Pruning.NEVER);
    }

    public Job withTimeout(Duration limit) {
        return new Job(number, task, config, overrides, directory, settings, Optional.of(limit), pruning);
    }

    public Job withSettings(Config jobSettings) {
        return new Job(number, task, config, overrides, directory, jobSettings, timeout, pruning);
    }

    public Job withPruning(Pruning jobPruning) {
        return new Job(number, task, config, overrides, directory, settings, timeout, jobPruning);
    }

    /** Where the job's composed config is written for programs: {@code DIR/.osprey/config.yaml}. */
    public Path configFile() {
        return directory.resolve(".osprey").resolve("config.yaml");
    }
}
