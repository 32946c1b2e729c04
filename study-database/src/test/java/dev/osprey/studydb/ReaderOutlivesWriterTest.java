package dev.osprey.studydb;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process that reads a study file (as {@code osprey dashboard} or {@code watch} does) never holds
 * the sweep that serves the file open: the sweep, in a JVM of its own, finishes and closes while the
 * reader is connected, and the reader, with the same open storage, goes on to read the finished
 * study from the file itself.
 */
class ReaderOutlivesWriterTest {

    private static final int TRIALS = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @TempDir
    Path directory;

    @Test
    void aSweepFinishesWhileAReaderIsConnectedAndTheReaderThenReadsTheFile() throws Exception {
        Path file = directory.resolve("studies");
        SharedDatabase database = SharedDatabase.h2File(file.toString());
        Path gate = directory.resolve("gate");
        Path addressFile = Path.of(file + StudyFileServer.SUFFIX);
        try (WorkerProcess writer = WorkerProcess.start("writer", directory, database,
                List.of("study=live", "trials=" + TRIALS, "sampler=random", "gate=" + gate))) {
            writer.awaitOutput("its first trial", l -> l.stream().anyMatch(s -> s.startsWith(StudyWorker.TOLD)), PATIENCE);
            Properties served = new Properties();
            try (InputStream in = Files.newInputStream(addressFile)) {
                served.load(in);
            }
            assertTrue(served.getProperty("reader", "").startsWith("127.0.0.1:"), "readers are served on loopback");
            assertNotEquals(served.getProperty("server"), served.getProperty("reader"), "on a port of their own");
            assertNotEquals(served.getProperty("key"), served.getProperty("readerKey"), "with a key of their own");

            try (Storage reader = Storages.openExisting(file.toString())) {
                StudyInfo study = reader.findStudy("live").orElseThrow();
                int before = reader.trialsChangedSince(study.id(), 0).trials().size();
                assertTrue(before >= 1 && before < TRIALS, "read mid-sweep: " + before);

                Files.createFile(gate);
                // the reader's storage stays open: a writer that waited for it would never finish here
                writer.awaitSuccess(PATIENCE);
                String said = Files.readString(directory.resolve("writer.stderr"));
                assertFalse(said.contains("still uses the study file"), said);
                assertFalse(Files.exists(addressFile), "the writer stopped serving the file");

                // the writer's end broke the reader's connections; its next read reconnects, to the file
                List<TrialRecord> trials = reader.trialsChangedSince(study.id(), 0).trials();
                assertEquals(TRIALS, trials.size());
                assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), "every trial finished");
            }
        }
        // the reader closed: the file is free for the next sweep
        try (Storage next = database.open()) {
            assertEquals(TRIALS, next.trialsChangedSince(next.findStudy("live").orElseThrow().id(), 0).trials().size());
        }
    }
}
