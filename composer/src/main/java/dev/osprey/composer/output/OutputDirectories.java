package dev.osprey.composer.output;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.interpolation.Resolvers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the output directory of a single run and of a sweep, never reusing one. A directory name
 * comes from a pattern such as Hydra's {@code outputs/${now:yyyy-MM-dd}/${now:HH-mm-ss}} (the date
 * read from the injected clock at each call), relative to a base directory. Each directory is made
 * with {@link Files#createDirectory}, which fails if anything is there; when the name is taken (two
 * runs in the same second, or at once), the first free name of {@code <name>_1}, {@code <name>_2}, …
 * is taken instead, so simultaneous runs never share or overwrite a directory.
 *
 * {@snippet :
 * OutputDirectories outputs = OutputDirectories.under(Path.of("."), Clock.systemDefaultZone());
 * JobDirectory run = outputs.createRun();            // ./outputs/2026-03-04/05-06-07
 * SweepDirectory sweep = outputs.createSweep();      // ./multirun/2026-03-04/05-06-07
 * JobDirectory job = sweep.createJob(0);             // ./multirun/2026-03-04/05-06-07/0
 * job.writeMetadata(resolvedConfig, Overrides.parseAll(List.of("optimizer.lr=0.01")), Config.of(Map.of("sampler", "tpe")));
 * }
 *
 * @since 0.1
 */
public final class OutputDirectories {

    /** The default single-run pattern, Hydra's {@code hydra.run.dir} with java.time date patterns. */
    public static final String RUN_PATTERN = "outputs/${now:yyyy-MM-dd}/${now:HH-mm-ss}";
    /** The default sweep pattern, Hydra's {@code hydra.sweep.dir} with java.time date patterns. */
    public static final String SWEEP_PATTERN = "multirun/${now:yyyy-MM-dd}/${now:HH-mm-ss}";

    /** How many suffixed names are tried before giving up. */
    static final int MAX_SUFFIX = 10_000;

    private final Path base;
    private final Clock clock;

    private OutputDirectories(Path base, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Directories under {@code base} (relative patterns resolve against it), dated by {@code clock}. */
    public static OutputDirectories under(Path base, Clock clock) {
        return new OutputDirectories(base, clock);
    }

    /** A new single-run directory named by {@link #RUN_PATTERN}. */
    public JobDirectory createRun() {
        return createRun(RUN_PATTERN);
    }

    /**
     * A new single-run directory named by {@code pattern}, which may use {@code ${now:<java.time
     * pattern>}} and {@code ${oc.env:VAR}}.
     *
     * @throws ComposerException if the pattern cannot be resolved or no free name is found
     */
    public JobDirectory createRun(String pattern) {
        return new JobDirectory(createFresh(resolve(pattern)), -1);
    }

    /** A new sweep directory named by {@link #SWEEP_PATTERN}. */
    public SweepDirectory createSweep() {
        return createSweep(SWEEP_PATTERN);
    }

    /** A new sweep directory named by {@code pattern}; see {@link #createRun(String)}. */
    public SweepDirectory createSweep(String pattern) {
        return new SweepDirectory(createFresh(resolve(pattern)));
    }

    private Path resolve(String pattern) {
        String name;
        try {
            // a fresh registry per call: the time is read now, not cached from an earlier call
            Resolvers resolvers = Resolvers.standard(System::getenv, clock, Map.of());
            name = Config.of(Map.of("dir", pattern)).withResolvers(resolvers).getString("dir");
        } catch (InterpolationException e) {
            throw new ComposerException("Cannot name the output directory from the pattern '" + pattern + "': "
                    + e.getMessage() + ". Patterns may use ${now:yyyy-MM-dd} and ${oc.env:VAR}.", e);
        }
        if (name.isBlank()) {
            throw new ComposerException("The output directory pattern '" + pattern + "' gives an empty name");
        }
        return base.resolve(name).normalize();
    }

    /** The first of {@code wanted}, {@code wanted_1}, {@code wanted_2}, ... that can be created. */
    static Path createFresh(Path wanted) {
        Path parent = wanted.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            for (int i = 0; i <= MAX_SUFFIX; i++) {
                Path candidate = i == 0 ? wanted : wanted.resolveSibling(wanted.getFileName() + "_" + i);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // taken by an earlier or a simultaneous run: try the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output directory " + wanted + ": " + e.getMessage(), e);
        }
        throw new ComposerException("Cannot create the output directory " + wanted + ": it and the names " + wanted
                .getFileName() + "_1 to _" + MAX_SUFFIX + " are all taken; clean up old runs or choose another"
                + " pattern");
    }
}
