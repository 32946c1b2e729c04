package dev.osprey.composer.output;


import dev.osprey.composer.ComposerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The directory of a sweep (Hydra's {@code multirun/<date>/<time>}), which holds one subdirectory per
 * job named by its number: {@code <sweep>/0}, {@code <sweep>/1}, ... Made by
 * {@link OutputDirectories#createSweep()}.
 *
 * @since 0.1
 */
public final class SweepDirectory {

    private final Path path;

    SweepDirectory(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The sweep's directory. */
    public Path path() {
        return path;
    }

    /**
     * Creates the directory of job {@code jobNum}, {@code <sweep>/<jobNum>}. A job number is used once:
     * an existing directory means two jobs were given one number, which is an error, not a reason
     * to share outputs.
     *
     * @throws IllegalArgumentException if {@code jobNum} is negative
     * @throws ComposerException          if the job's directory exists already
     */
    public JobDirectory createJob(int jobNum) {
        if (jobNum < 0) {
            throw new IllegalArgumentException("a job number must be 0 or more, but was " + jobNum);
        }
        Path dir = path.resolve(Integer.toString(jobNum));
        try {
            return new JobDirectory(Files.createDirectory(dir), jobNum);
        } catch (FileAlreadyExistsException e) {
            throw new ComposerException("The directory of job " + jobNum + " already exists: " + dir + ". Each job of a"
                    + " sweep needs its own number; give the next job the next number (or start a new sweep).", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of job " + jobNum + " (" + dir + "): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
