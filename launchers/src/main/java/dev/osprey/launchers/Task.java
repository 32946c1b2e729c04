package dev.osprey.launchers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
     * @param command     program and arguments
     * @param environment extra environment variables
     */
    record Program(List<String> command, Map<String, String> environment) implements Task {
        public Program {
            command = List.copyOf(command);
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new IllegalArgumentException("a program task needs a program to run, got " + command);
            }
            environment = Map.copyOf(environment);
        }

        public static Program of(String... command) {
            return new Program(List.of(command), Map.of());
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
