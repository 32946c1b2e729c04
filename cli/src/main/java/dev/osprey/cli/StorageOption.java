package dev.osprey.cli;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import picocli.CommandLine.Option;

/** {@code --storage} and {@code --format}, shared by the study commands. */
final class StorageOption {

    @Option(names = "--storage", paramLabel = "URL|FILE",
            description = "The study database: an H2 file path, a jdbc:h2:tcp:// or jdbc:postgresql:// URL"
                    + " (default $OSPREY_STORAGE, else ./osprey-studies/studies).")
    String location;

    @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
    Table.Format format = Table.Format.TABLE;

    String location() {
        return location != null ? location : Storages.defaultLocation(System.getenv());
    }

    Storage open() {
        return Storages.open(location());
    }

    /** For the commands that only read (or delete): an H2 file that does not exist is not created. */
    Storage openExisting() {
        return Storages.openExisting(location());
    }
}
