package dev.osprey.sweeper.multirun;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.launchers.Task;
import dev.osprey.sweeper.hydra.HydraApp;
import dev.osprey.sweeper.hydra.HydraJobs;
import dev.osprey.sweeper.hydra.HydraSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code osprey run} invocation: where the configs are, which one, the overrides, and what to run.
 *
 * @param configs      where configs come from: a directory, or a classpath prefix for apps in jars
 * @param configName   the primary config ({@code .yaml} optional)
 * @param overrides    the command line's overrides, job and {@code osprey} ones mixed, parsed once where
 *                     they were given (the command line, a flag, {@code Osprey.main})
 * @param program      the external program after {@code --}, with placeholders; empty for a Java task
 * @param javaTask     the Java objective of an app started through {@code Osprey.main}, if any
 * @param multirun     whether to sweep ({@code -m})
 * @param workingDir   where relative output directories go
 * @param hydraApp     the {@code @hydra.main} app the program runs, if it is one: it runs unchanged, and its
 *                     task function's return value is the objective
 * @since 0.1
 */
public record RunRequest(ConfigLocation configs, String configName, List<ConfigOverride> overrides, List<String> program,
                         Optional<Task.JobFunction> javaTask, boolean multirun, Path workingDir,
                         Optional<HydraApp> hydraApp) {

    /** Where the configs come from. */
    public sealed interface ConfigLocation {
        record Directory(Path path) implements ConfigLocation {
        }

        record Classpath(String prefix) implements ConfigLocation {
        }
    }

    public RunRequest {
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(configName, "configName");
        overrides = List.copyOf(overrides);
        program = List.copyOf(program);
        Objects.requireNonNull(javaTask, "javaTask");
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(hydraApp, "hydraApp");
    }

    /**
     * Whether configs compose with Hydra's own config groups and {@code hydra} node, as Hydra
     * composes an app's: for programs (which may be Hydra apps), not for Java objectives, whose
     * configs bind to records.
     */
    public boolean hydraRuntime() {
        return javaTask.isEmpty();
    }

    /** Hydra's job name of this run: the Hydra app's script name, else the config's name. */
    public String jobName() {
        return hydraApp.map(app -> HydraSettings.jobName(app.script()))
                .orElse(configName.endsWith(".yaml") ? configName.substring(0, configName.length() - 5) : configName);
    }

    /** The task every job runs. */
    public Task task() {
        if (javaTask.isPresent()) {
            return new Task.JavaTask(javaTask.get());
        }
        if (program.isEmpty()) {
            throw new IllegalArgumentException("no program to run: put the command after '--', e.g."
                    + " osprey run -m -cp conf -cn training optimizer.lr=interval(1e-4,1e-1) -- python3 train.py {overrides}");
        }
        List<String> command = absolutePaths(program, workingDir);
        return new Task.Program(hydraApp.isPresent() ? HydraJobs.command(command) : command, java.util.Map.of());
    }

    /**
     * Jobs run in their own directories, so a path in the command that names a file relative to
     * where osprey was started ({@code python3 train.py}) is made absolute first.
     */
    static List<String> absolutePaths(List<String> command, Path base) {
        return command.stream().map(argument -> {
            if (argument.isEmpty() || argument.startsWith("-") || argument.contains("{") || argument.contains("=")) {
                return argument;
            }
            try {
                Path path = Path.of(argument);
                return !path.isAbsolute() && java.nio.file.Files.exists(base.resolve(path))
                        ? base.resolve(path).normalize().toString() : argument;
            } catch (java.nio.file.InvalidPathException e) {
                return argument;
            }
        }).toList();
    }
}
