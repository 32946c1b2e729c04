package dev.osprey.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What every scenario shares: the osprey command, the suite's PostgreSQL (if it runs), a scratch
 * directory, the seeded random that picks the fault points, and a progress line writer.
 */
record Context(OspreyCommand osprey, Optional<PostgresCluster> postgres, Path scratch, long seed, boolean quick,
               Consumer<String> progress) {

    /** A new empty directory for one scenario (or one round of it). */
    Path dir(String name) throws IOException {
        return Files.createDirectories(scratch.resolve(name));
    }

    /** A random of its own per scenario, derived from the suite's seed, so one scenario's draws do not shift another's. */
    SplittableRandom random(String scenario) {
        return new SplittableRandom(seed ^ scenario.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** The one-file config tree the sweeps compose: {@code conf/app.yaml} with the keys the scenarios sweep. */
    static Path writeConfig(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("app.yaml"), "x: 0\nmsg: none\n");
        return conf;
    }
}
