package dev.osprey.launchers.run;

import dev.osprey.composer.compose.ConfigRepository;

import java.nio.file.Files;

/** Opens the config repository a run names, with an error that says what to pass when it is missing. */
final class Configs {

    private Configs() {
    }

    static ConfigRepository repository(RunRequest.ConfigSource source) {
        return switch (source) {
            case RunRequest.ConfigSource.Directory d -> {
                if (!Files.isDirectory(d.path())) {
                    throw new IllegalArgumentException("config directory " + d.path().toAbsolutePath()
                            + " does not exist; pass the folder that holds your configs with --config-path/-cp");
                }
                yield ConfigRepository.fromDirectory(d.path());
            }
            case RunRequest.ConfigSource.Classpath c -> ConfigRepository.fromClasspath(c.prefix());
        };
    }
}
