package dev.osprey.launchers.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the short scheduler commands ({@code tsp -s}, {@code sbatch}, {@code squeue}, ...) and
 * captures what they print. Each call has a time limit, so a hung scheduler cannot hang a sweep.
 *
 * <p>Not part of the API: shared by the task-spooler and Slurm launchers.
 */
public final class Commands {

    /** How long a command's output may stay open after the command has exited. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(5);

    private Commands() {
    }

    /** What a finished command printed and returned. */
    public record Output(int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }

        /** stderr, else stdout, stripped: what to show when the command failed. */
        public String message() {
            String text = stderr.strip().isEmpty() ? stdout.strip() : stderr.strip();
            return text.isEmpty() ? "(no output, exit code " + exitCode + ")" : text;
        }
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @param environment variables added to this process's environment
     * @param directory   the working directory, or null for this process's
     * @throws IOException when the command cannot be started or does not end within {@code limit}
     */
    public static Output run(List<String> command, Map<String, String> environment, Path directory, Duration limit)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        // a queued job (tsp, Slurm) runs with the environment of the command that queued it
        WithheldVariables.removeFrom(builder.environment());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        FutureTask<String> out = new FutureTask<>(() -> drain(process.getInputStream()));
        FutureTask<String> err = new FutureTask<>(() -> drain(process.getErrorStream()));
        Thread.ofVirtual().name("osprey-command-out").start(out);
        Thread.ofVirtual().name("osprey-command-err").start(err);
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' did not answer within "
                        + limit.toSeconds() + " s");
            }
            // a child the command left behind may hold its pipes open: do not wait for it forever
            return new Output(process.exitValue(), collect(out), collect(err));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running '" + command.get(0) + "'", e);
        }
    }

    /**
     * Why {@code program} cannot be started, or empty when it can: a path must name an executable
     * file (relative to {@code directory}, where it would run), a bare name one on {@code path}.
     * Checked before a wrapper starts it, so that a missing program says so instead of failing as
     * "exit code 127".
     */
    public static Optional<String> whyNotRunnable(String program, String path, Path directory) {
        if (program.contains("/")) {
            Path file = directory.resolve(program);
            if (!Files.exists(file)) {
                return Optional.of("no such file");
            }
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.empty()
                    : Optional.of("not an executable file");
        }
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path candidate = directory.resolve(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.empty();
            }
        }
        return Optional.of("not found on PATH (" + path + ")");
    }

    /**
     * Why a program cannot run on this machine (its working directory is missing, its command is
     * not on PATH or not an executable file), as a launcher whose jobs run here reports it before a
     * sweep starts; empty when it can, or when its command is a placeholder known per job only. A
     * command given as a relative path is looked for where the program would run.
     */
    public static Optional<String> cannotRunHere(dev.osprey.launchers.Task.Program program) {
        Optional<String> missing = missingWorkingDirectory(program);
        if (missing.isPresent()) {
            return missing;
        }
        String name = program.command().get(0);
        if (name.contains("{")) {
            return Optional.empty();
        }
        Path directory = program.workingDirectory().orElse(Path.of("").toAbsolutePath());
        return whyNotRunnable(name, System.getenv("PATH"), directory).map(why -> "cannot run"
                + " program '" + name + "': " + why + "; check that it is installed and on PATH, or give its full path");
    }

    /**
     * Why the program's {@link dev.osprey.launchers.Task.Program#workingDirectory() working
     * directory} cannot be used on this machine, or empty when it is a directory (or none was given).
     */
    public static Optional<String> missingWorkingDirectory(dev.osprey.launchers.Task.Program program) {
        return program.workingDirectory().filter(dir -> !Files.isDirectory(dir)).map(dir -> "the working directory "
                + dir + " of program '" + program.command().get(0) + "' "
                + (Files.exists(dir) ? "is not a directory" : "does not exist")
                + "; create it, or give the directory the program expects to run in");
    }

    /** The executable called {@code name} on PATH (or {@code name} itself when it is a path). */
    public static Optional<Path> find(String name) {
        if (name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String collect(FutureTask<String> output) throws InterruptedException, IOException {
        try {
            return output.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot read a command's output: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            output.cancel(true);
            return "";
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
