package dev.osprey.sweeper.multirun;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.ConfigRepository;

import java.nio.file.Files;

/** Opens the config repository a run names, with an error that says what to pass when it is missing. */
public final class Configs {

    private Configs() {
    }

    /** The composer of a run: with Hydra's own config groups and node when the run's program may be a Hydra app. */
    public static Composer composer(RunRequest request) {
        Composer composer = new Composer(repository(request.configs()));
        return request.hydraRuntime() ? composer.withHydraRuntime(request.jobName()) : composer;
    }

    public static ConfigRepository repository(RunRequest.ConfigLocation source) {
        return switch (source) {
            case RunRequest.ConfigLocation.Directory d -> {
                if (!Files.isDirectory(d.path())) {
                    throw new IllegalArgumentException("config directory " + d.path().toAbsolutePath()
                            + " does not exist; pass the folder that holds your configs with --config-path/-cp");
                }
                yield ConfigRepository.fromDirectory(d.path());
            }
            case RunRequest.ConfigLocation.Classpath c -> ConfigRepository.fromClasspath(c.prefix());
        };
    }
}
