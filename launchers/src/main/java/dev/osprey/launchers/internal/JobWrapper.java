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
 * captures its output in JOBDIR, decides its result (with the awk programs installed next to it,
 * {@code osprey-job.awk} and {@code osprey-job-json.awk}) by the rules of
 * {@link dev.osprey.launchers.protocol.ProgramOutcome} and writes {@code result.json}. The result
 * is then decided where the job ran, so it survives the launcher's JVM, and the job exits non-zero
 * when it did not complete, so the scheduler's own state agrees.
 *
 * <p>Not part of the API: shared by the task-spooler and Slurm launchers.
 */
public final class JobWrapper {

    /** The script's file name, installed as {@code JOBDIR/.osprey/osprey-job.sh}. */
    public static final String FILE_NAME = "osprey-job.sh";

    /** The awk programs the script runs to decide the result, installed next to it. */
    public static final List<String> AWK_FILES = List.of("osprey-job.awk", "osprey-job-json.awk");

    private static final byte[] SCRIPT = load(FILE_NAME);
    private static final List<byte[]> AWK = AWK_FILES.stream().map(JobWrapper::load).toList();

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
            // the awk programs first: where the script is, they are too
            for (int i = 0; i < AWK_FILES.size(); i++) {
                write(dir, AWK_FILES.get(i), AWK.get(i));
            }
            write(dir, FILE_NAME, SCRIPT);
            return target;
        } catch (IOException e) {
            throw new LauncherException("cannot install the job wrapper " + target + ": " + e
                    + "; check that the job directory is writable", e);
        }
    }

    private static void write(Path dir, String name, byte[] content) throws IOException {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Path temporary = Files.createTempFile(dir, name, ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    private static byte[] load(String name) {
        try (InputStream in = JobWrapper.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing next to "
                        + JobWrapper.class.getName() + "; the launchers jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + name + ": " + e, e);
        }
    }
}
