package dev.osprey.launchers.protocol;

import java.nio.file.Path;

/**
 * The files of an external job inside its directory: the layout the process, task-spooler and
 * Slurm launchers share, and that {@code osprey collect} reads back.
 *
 * @param directory the job directory
 * @since 0.1
 */
public record JobFiles(Path directory) {

    /** The program's standard output. */
    public Path stdout() {
        return directory.resolve("stdout.log");
    }

    /** The program's standard error. */
    public Path stderr() {
        return directory.resolve("stderr.log");
    }

    /** Where the program may write its objective value(s) instead of printing them. */
    public Path objective() {
        return directory.resolve("objective.txt");
    }

    /**
     * Where the program may write why it failed ({@code OSPREY_FAILURE_FILE}): its last non-empty
     * line starts the failed job's error, which then says more than an exit code and a stack trace.
     */
    public Path failure() {
        return directory.resolve("failure.txt");
    }

    /** The job's outcome as JSON (status, values, error, exit code), written when it ends. */
    public Path result() {
        return directory.resolve("result.json");
    }

    /**
     * The program's exit code, written by the process launcher's wrapper when the program ends:
     * what decides the job's result when the driver that started it died first.
     */
    public Path exitCode() {
        return directory.resolve(".osprey").resolve("exit_code");
    }

    /** The exit code recorded in {@link #exitCode()}, if the file holds one. */
    public java.util.Optional<Integer> recordedExitCode() {
        try {
            return java.util.Optional.of(Integer.parseInt(java.nio.file.Files.readString(exitCode(),
                    java.nio.charset.StandardCharsets.US_ASCII).strip()));
        } catch (java.io.IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The {@link LocalProcess} that runs the job (the process launcher's wrapper), while it runs. */
    public Path process() {
        return directory.resolve(".osprey").resolve("process");
    }

    /**
     * The wrapper script a queued launcher (task-spooler, Slurm) installs: where it exists, the
     * job was handed to a scheduler and may run on while no driver watches it.
     */
    public Path queuedWrapper() {
        return directory.resolve(".osprey").resolve("osprey-job.sh");
    }

    /** The composed config of the job. */
    public Path config() {
        return directory.resolve(".osprey").resolve("config.yaml");
    }
}
