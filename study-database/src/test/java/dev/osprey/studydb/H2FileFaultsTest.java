package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Workers;
import dev.osprey.optimizer.storage.DuplicateStudyException;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What opening a study database says when it cannot: locked, damaged, foreign, newer, unreachable. */
class H2FileFaultsTest {

    @TempDir
    Path directory;

    @Test
    void aFileInUseByAnotherProcessPointsToAServer() throws Exception {
        Path base = directory.resolve("busy");
        Storages.open(base.toString()).close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldH2File.class.getName(), base.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // skip the other process's log lines
            }
            assertEquals("ready", line, "the other process holds the file");
            StorageException e = assertThrows(StorageException.class, () -> Storages.open(base.toString()));
            String message = e.getMessage();
            assertTrue(message.contains("jdbc:h2:file:" + base), message);
            assertTrue(message.contains("in use by another process") && message.contains("H2 server")
                    && message.contains("PostgreSQL"), message);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aDamagedFileIsReportedAndLeftAsItIs() throws Exception {
        Path garbage = directory.resolve("garbage.mv.db");
        Files.write(garbage, "this is not an H2 database\n".repeat(300).getBytes(StandardCharsets.UTF_8));
        byte[] fixture;
        try (InputStream in = getClass().getResourceAsStream("schema-v1.mv.db")) {
            fixture = in.readAllBytes();
        }
        Path headers = directory.resolve("headers.mv.db");
        Files.write(headers, damaged(fixture, 0, 8192));
        Path lastChunk = directory.resolve("last-chunk.mv.db");
        Files.write(lastChunk, damaged(fixture, fixture.length - 200, fixture.length));
        Path middle = directory.resolve("middle.mv.db");
        Files.write(middle, damaged(fixture, 8192, 12288));

        for (Path file : List.of(garbage, headers, lastChunk, middle)) {
            byte[] before = Files.readAllBytes(file);
            StorageException e = assertThrows(StorageException.class, () -> Storages.open(file.toString()),
                    file.getFileName().toString());
            assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("left it as it is"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "the file is untouched: " + file.getFileName());
        }
    }

    private static byte[] damaged(byte[] file, int from, int to) {
        byte[] copy = file.clone();
        Arrays.fill(copy, from, to, (byte) 'x');
        return copy;
    }

    @Test
    void aDatabaseWithTablesOfItsOwnIsNotAdopted() throws Exception {
        Path base = directory.resolve("foreign");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE payroll (id INT)");
        }
        StorageException e = assertThrows(StorageException.class, () -> Storages.open(base.toString()));
        assertTrue(e.getMessage().contains("tables Osprey did not create"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement s = c.createStatement()) {
            assertTrue(s.executeQuery("SELECT COUNT(*) FROM payroll").next(), "nothing was dropped");
        }
    }

    @Test
    void aDatabaseFromANewerOspreyIsRefused() throws Exception {
        Path base = directory.resolve("newer");
        Storages.open(base.toString()).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 0, TRUE)");
        }
        StorageException e = assertThrows(StorageException.class, () -> Storages.open(base.toString()));
        assertTrue(e.getMessage().contains("schema version 99") && e.getMessage().contains("newer Osprey"), e.getMessage());
    }

    @Test
    void anUnreachablePostgresIsNamedWithoutItsPassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/osprey?user=u&password=hunter2&connectTimeout=2";
        StorageException e = assertThrows(StorageException.class, () -> Storages.open(url));
        String message = e.getMessage();
        assertTrue(message.contains("jdbc:postgresql://127.0.0.1:1/osprey"), message);
        assertTrue(message.contains("cannot be reached") && message.contains("Connection"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void racingCreatorsOfOneStudyGetOneStudyAndDuplicateErrors() throws Exception {
        try (Storage storage = Storages.open(directory.resolve("race").toString())) {
            AtomicInteger created = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            Workers.runTogether(8, worker -> {
                try {
                    storage.createStudy("contested", List.of(Direction.MINIMIZE), Map.of());
                    created.incrementAndGet();
                } catch (DuplicateStudyException e) {
                    duplicates.incrementAndGet();
                }
            });
            assertEquals(1, created.get());
            assertEquals(7, duplicates.get());
            assertEquals(1, storage.studies().size());
        }
    }
}
