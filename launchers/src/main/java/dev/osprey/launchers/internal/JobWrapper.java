package dev.osprey.launchers.internal;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.ProgramCommand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The job wrapper script {@code osprey-job.sh}: a queued job runs {@code sh osprey-job.sh [--cwd
 * DIR] JOBDIR PROGRAM ARGS...}, and the script runs the program in DIR (by default JOBDIR),
 * captures its output in JOBDIR, decides its result by the rules of
 * {@link dev.osprey.launchers.protocol.ProgramOutcome} and writes {@code result.json}. The result
 * is then decided where the job ran, so it survives the launcher's JVM, and the job exits non-zero
 * when it did not complete, so the scheduler's own state agrees.
 *
 * <p>Not part of the API: shared by the task-spooler and Slurm launchers.
 */
public final class JobWrapper {

    /** The script's file name, installed as {@code JOBDIR/.osprey/osprey-job.sh}. */
    public static final String FILE_NAME = "osprey-job.sh";

    private static final byte[] SCRIPT = load();

    private JobWrapper() {
    }

    /** The script's text. */
    public static byte[] script() {
        return SCRIPT.clone();
    }

    /**
     * Writes the script into the job's {@code .osprey} directory (atomically, so a job already
     * reading an older copy is not disturbed) and returns its path.
     *
     * @throws LauncherException when the job directory cannot be written
     */
    public static Path install(Path jobDirectory) {
        Path dir = jobDirectory.resolve(".osprey");
        Path target = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), SCRIPT)) {
                return target;
            }
            Path temporary = Files.createTempFile(dir, FILE_NAME, ".tmp");
            Files.write(temporary, SCRIPT);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new LauncherException("cannot install the job wrapper " + target + ": " + e
                    + "; check that the job directory is writable", e);
        }
    }

    /**
     * The job's program line after the wrapper: {@code [--cwd DIR] JOBDIR PROGRAM ARGS...},
     * placeholders expanded, each value one argument; {@code --cwd} when the program has a working
     * directory of its own.
     */
    public static List<String> arguments(Job job, Task.Program program) {
        List<String> out = new ArrayList<>();
        program.workingDirectory().ifPresent(dir -> {
            out.add("--cwd");
            out.add(dir.toString());
        });
        out.add(job.directory().toString());
        out.addAll(ProgramCommand.arguments(program, job));
        return out;
    }

    /**
     * Refuses a job whose program's working directory is not a directory here, before it is
     * queued: for Slurm it must be on a file system this machine shares with the compute nodes,
     * as the job directory must.
     *
     * @throws LauncherException naming the directory
     */
    public static void requireWorkingDirectory(Job job, Task.Program program) {
        Commands.missingWorkingDirectory(program).ifPresent(why -> {
            throw new LauncherException("job " + job.number() + " cannot start: " + why);
        });
    }

    /**
     * The job with an absolute directory: a scheduler runs it from elsewhere, so relative paths
     * in its placeholders ({@code {config}}, {@code {dir}}) would point to the wrong place.
     */
    public static Job absolute(Job job) {
        Path directory = job.directory().toAbsolutePath().normalize();
        if (directory.equals(job.directory())) {
            return job;
        }
        return new Job(job.number(), job.task(), job.config(), job.overrides(), directory, job.settings(),
                job.timeout(), job.pruning());
    }

    private static byte[] load() {
        try (InputStream in = JobWrapper.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + FILE_NAME + " is missing next to "
                        + JobWrapper.class.getName() + "; the launchers jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + FILE_NAME + ": " + e, e);
        }
    }
}
