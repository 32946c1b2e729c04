package dev.osprey.cli;

import dev.osprey.launchers.internal.RemoteTesting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real Hydra 1.3.2 that the tests run apps with: scripts/hydra-peer.sh makes it runnable and
 * bin/test exports where (OSPREY_HYDRA_PYTHON, OSPREY_HYDRA_PYTHONPATH). Without it the tests that
 * need it are skipped with that message, and fail under CI=true.
 */
final class HydraPeer {

    private HydraPeer() {
    }

    /**
     * A {@code python} launcher in {@code dir} that runs the system Python with Hydra importable, the
     * way an app's own environment would (the tests' JVM cannot change its jobs' PYTHONPATH).
     */
    static Path python(Path dir) throws IOException {
        String python = System.getenv("OSPREY_HYDRA_PYTHON");
        String path = System.getenv("OSPREY_HYDRA_PYTHONPATH");
        RemoteTesting.require(python != null && path != null && Files.isDirectory(Path.of(path, "hydra")),
                "real Hydra 1.3.2 is not set up (OSPREY_HYDRA_PYTHON/OSPREY_HYDRA_PYTHONPATH); run the tests with"
                        + " bin/test, which runs scripts/hydra-peer.sh (apt-get install python3-omegaconf python3-antlr4"
                        + " python3-optuna)");
        Files.createDirectories(dir);
        Path launcher = dir.resolve("python");
        Files.writeString(launcher, "#!/bin/sh\nPYTHONPATH=\"${PYTHONPATH:+$PYTHONPATH:}" + path + "\" exec '" + python
                + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);
        return launcher;
    }

    /** A copy of the test app {@code name} (cli/src/test/resources/hydra-apps/NAME) in {@code dir}. */
    static Path app(String name, Path dir) throws IOException {
        Path source = Path.of("src", "test", "resources", "hydra-apps", name).toAbsolutePath();
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.sorted().toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return target;
    }
}
