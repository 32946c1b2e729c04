package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageContract;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The storage contract for an embedded H2 database file, a new file per test. */
class H2FileStorageTest extends StorageContract {

    private static final AtomicInteger FILES = new AtomicInteger();

    @TempDir
    Path directory;

    @Override
    protected Storage newStorage() {
        return Storages.open(directory.resolve("studies-" + FILES.incrementAndGet()).toString());
    }
}
