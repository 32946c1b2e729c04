package dev.osprey.launchers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job runs.
 *
 * @since 0.1
 */
public sealed interface Task {

    /**
     * An external program. Its arguments may hold placeholders, replaced per job (never through a
     * shell): {@code {config}} the composed config file, {@code {overrides}} the job's overrides as
     * separate arguments (it must stand alone), {@code {dir}} the job directory, {@code {num}} the
     * job number, {@code {result}} the file where the program may write its objective.
     *
     * <p>The program runs in its working directory: the job directory unless one is given. A
     * Hydra application (version_base 1.2 and later) resolves relative paths in its config from the
     * directory it was started in, so it wants the directory the user launched the sweep from. The
     * job's own files (its logs, result and records) stay in the job directory either way. Only the
     * launchers that run programs (process, tsp, Slurm) use it: an in-process job runs in the
     * launcher's JVM, whose working directory cannot change.
     *
     * @param command          program and arguments
     * @param environment      extra environment variables
     * @param workingDirectory where the program runs, absolute (a relative path is taken from this
     *                         JVM's working directory when the program is made); empty for the job
     *                         directory. It must exist when a job starts (Slurm: on the node that
     *                         runs it), or the job is not started.
     */
    record Program(List<String> command, Map<String, String> environment, Optional<Path> workingDirectory)
            implements Task {
        public Program {
            command = List.copyOf(command);
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new IllegalArgumentException("a program task needs a program to run, got " + command);
            }
            environment = Map.copyOf(environment);
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            workingDirectory = workingDirectory.map(d -> d.toAbsolutePath().normalize());
        }

        /** A program that runs in its job directory. */
        public Program(List<String> command, Map<String, String> environment) {
            this(command, environment, Optional.empty());
        }

        /** A program with no extra environment that runs in its job directory. */
        public static Program of(String... command) {
            return new Program(List.of(command), Map.of());
        }

        /** This program, run in {@code directory} instead of its job directory. */
        public Program withWorkingDirectory(Path directory) {
            return new Program(command, environment, Optional.of(directory));
        }
    }

    /**
     * A Java objective run in the launcher's JVM (only the in-process launcher runs these).
     *
     * @param function the objective
     */
    record JavaTask(JobFunction function) implements Task {
        public JavaTask {
            Objects.requireNonNull(function, "function");
        }
    }

    /** A Java objective of one job. */
    @FunctionalInterface
    interface JobFunction {
        /**
         * Runs the job and returns its objective value(s). Throwing fails the job with the
         * exception's message; throwing {@link JobPrunedException} prunes it.
         */
        double[] run(JobContext context) throws Exception;
    }
}
