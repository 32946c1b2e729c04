package dev.osprey.sweeper.multirun;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.launchers.Task;

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
 * @since 0.1
 */
public record RunRequest(ConfigLocation configs, String configName, List<ConfigOverride> overrides, List<String> program,
                         Optional<Task.JobFunction> javaTask, boolean multirun, Path workingDir) {

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
        return new Task.Program(absolutePaths(program, workingDir), java.util.Map.of());
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
