package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageContract;
import dev.osprey.optimizer.storage.StudyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The storage contract for an H2 TCP server started by the test; each test begins with no studies. */
class H2ServerStorageTest extends StorageContract {

    @TempDir
    static Path directory;
    private static H2Server server;

    @BeforeAll
    static void startServer() {
        server = H2Server.builder().directory(directory).port(0).password("contract-secret").start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected Storage newStorage() {
        Storage storage = server.connect();
        for (StudyInfo study : storage.studies()) {
            storage.deleteStudy(study.id());
        }
        return storage;
    }
}
