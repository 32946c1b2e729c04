package dev.osprey.composer.output;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.config.Secrets;
import dev.osprey.composer.override.ConfigOverride;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The output directory of one job: a single run's directory, or {@code <sweep>/<job num>}. Besides
 * what the job writes there, it records how the job was configured, in {@code .osprey/} (Hydra's
 * {@code .hydra/}): {@code config.yaml} (the config the job was given), {@code overrides.yaml} (its
 * overrides as a job receives them, {@link ConfigOverride#jobString()}, so that the run can be
 * repeated or its overrides passed to a Hydra application unchanged) and {@code osprey.yaml} (the
 * framework's settings for the run). Passwords in them, such as a storage location's
 * {@code password=}, are written as {@code ***} ({@link Secrets}).
 *
 * @since 0.1
 */
public final class JobDirectory {

    /** The subdirectory holding the metadata files. */
    public static final String METADATA_DIR = ".osprey";

    private static final DumpSettings YAML = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setSchema(new CoreSchema())
            .setWidth(Integer.MAX_VALUE)
            .build();

    private final Path path;
    private final int jobNum;

    JobDirectory(Path path, int jobNum) {
        this.path = Objects.requireNonNull(path, "path");
        this.jobNum = jobNum;
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** The job's number in its sweep; empty for a single run. */
    public OptionalInt jobNum() {
        return jobNum < 0 ? OptionalInt.empty() : OptionalInt.of(jobNum);
    }

    /** {@code <dir>/.osprey}, where {@link #writeMetadata} writes. */
    public Path metadataDir() {
        return path.resolve(METADATA_DIR);
    }

    /**
     * Writes {@code .osprey/config.yaml}, {@code .osprey/overrides.yaml} and {@code .osprey/osprey.yaml}.
     * Nothing is overwritten: the files must not exist yet.
     *
     * @param config    the job's config as the job sees it, usually resolved
     *                  ({@code composition.resolvedConfig(resolvers)}); written as it is
     * @param overrides the job's overrides, single-valued ({@code optimizer.lr=0.01}, {@code model=vit}),
     *                  written each as its {@link ConfigOverride#jobString()}
     * @param settings  the framework's settings for the run (sampler, seed, launcher, ...)
     * @throws ComposerException if a metadata file exists already
     */
    public void writeMetadata(Config config, List<ConfigOverride> overrides, Config settings) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(settings, "settings");
        List<String> copy = overrides.stream().map(ConfigOverride::jobString).toList();
        Path dir = metadataDir();
        try {
            Files.createDirectories(dir);
            write(dir.resolve("config.yaml"), config.toYaml());
            write(dir.resolve("overrides.yaml"), copy.isEmpty() ? "[]\n" : new Dump(YAML).dumpToString(copy));
            write(dir.resolve("osprey.yaml"), settings.toYaml());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the metadata of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} with its passwords masked: a snapshot records where, never the secret. */
    private static void write(Path file, String text) throws IOException {
        try {
            Files.writeString(file, Secrets.mask(text), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new ComposerException(file + " already exists: the metadata of a job is written once. Write the"
                    + " metadata of another run to its own directory.", e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
