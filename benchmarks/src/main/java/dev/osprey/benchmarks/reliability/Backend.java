package dev.osprey.benchmarks.reliability;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A study database as the command line is given it: a location for {@code --storage} and the
 * environment that carries its credentials.
 *
 * @param kind     H2 file, H2 server or PostgreSQL, for the report
 * @param location the {@code --storage} argument
 * @param env      what each osprey process gets in its environment (the credentials)
 */
record Backend(String kind, String location, Map<String, String> env) {

    static Backend h2File(Path file) {
        return new Backend("H2 file", file.toAbsolutePath().toString(), Map.of());
    }

    /** Opens the database in this process, for the audit; an H2 file only once no osprey process has it open. */
    Storage open() {
        Properties credentials = new Properties();
        if (env.containsKey("OSPREY_STORAGE_USER")) {
            credentials.setProperty("user", env.get("OSPREY_STORAGE_USER"));
        }
        if (env.containsKey("OSPREY_STORAGE_PASSWORD")) {
            credentials.setProperty("password", env.get("OSPREY_STORAGE_PASSWORD"));
        }
        return Storages.open(location, credentials);
    }
}
