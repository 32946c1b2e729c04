package dev.osprey.studydb;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process reads a study while another one writes it, on the default H2 file, an H2 server and
 * PostgreSQL: the reader (a fresh JVM opening the database round after round, as {@code osprey
 * trials} in a second shell) sees the count of trials grow, and the writer is never failed. On an H2
 * file the writer serves the file to the reader over TCP, on loopback only; two sweeps share a file
 * the same way, and the one that serves it waits for the other before it closes.
 */
class ConcurrentReadingTest extends WithPostgres {

    private static final int TRIALS = 600;
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final String SECRET = "concurrent-reading-secret";

    @TempDir
    Path directory;

    @Test
    void aSecondProcessReadsAStudyFileWhileASweepWritesIt() throws Exception {
        Path file = directory.resolve("osprey-studies").resolve("studies");
        SharedDatabase database = SharedDatabase.h2File(file.toString());
        try (WorkerProcess writer = WorkerProcess.start("writer", directory, database,
                List.of("study=live", "trials=" + TRIALS, "sampler=random", "gate=" + gate()))) {
            writer.awaitOutput("opening the file", l -> l.stream().anyMatch(s -> s.startsWith(StudyWorker.OPENED)),
                    PATIENCE);
            Path addressFile = Path.of(file + StudyFileServer.SUFFIX);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(addressFile)), "only the file's owner reads the key");
            String server = addressFileServer(addressFile);
            assertTrue(server.startsWith("127.0.0.1:"), "the writer serves the file on loopback: " + server);
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            assertEquals(List.of("127.0.0.1"), listeningAddresses(port),
                    "the port " + port + " is bound to loopback only");
            String readers = addressFileEntry(addressFile, "reader");
            int readerPort = Integer.parseInt(readers.substring(readers.indexOf(':') + 1));
            assertEquals(List.of("127.0.0.1"), listeningAddresses(readerPort),
                    "the readers' port " + readerPort + " is bound to loopback only");
            readWhileWriting(database, writer);
        }
    }

    @Test
    void twoSweepsShareOneStudyFile() throws Exception {
        SharedDatabase database = SharedDatabase.h2File(directory.resolve("shared").toString());
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                workers.add(WorkerProcess.start("sweep-" + i, directory, database,
                        List.of("study=shared", "trials=" + TRIALS, "sampler=random")));
            }
            for (WorkerProcess worker : workers) {
                worker.awaitSuccess(PATIENCE);
            }
        } finally {
            workers.forEach(WorkerProcess::close);
        }
        int told = workers.stream().mapToInt(w -> w.lines(StudyWorker.TOLD).size()).sum();
        assertEquals(TRIALS, told, "the two sweeps told the budget between them");
        assertTrue(workers.stream().allMatch(w -> !w.lines(StudyWorker.TOLD).isEmpty()), "both sweeps ran trials");
        assertAllComplete(database, "shared", TRIALS);
    }

    @Test
    void aSecondProcessReadsWhileAWriterUsesAnH2Server() throws Exception {
        try (H2Server server = H2Server.builder().directory(directory.resolve("server")).port(0).password(SECRET)
                .start()) {
            SharedDatabase database = SharedDatabase.of(server, SECRET);
            try (WorkerProcess writer = WorkerProcess.start("writer", directory, database,
                    List.of("study=live", "trials=" + TRIALS, "sampler=random", "gate=" + gate()))) {
                readWhileWriting(database, writer);
            }
        }
    }

    @Test
    void aSecondProcessReadsWhileAWriterUsesPostgres() throws Exception {
        SharedDatabase database = SharedDatabase.of(PostgresTestDatabase.require(postgres));
        try (WorkerProcess writer = WorkerProcess.start("writer", directory, database,
                List.of("study=live", "trials=" + TRIALS, "sampler=random", "gate=" + gate()))) {
            readWhileWriting(database, writer);
        }
    }

    /** The file that lets the writer go on past its first trial (see {@link StudyWorker}'s {@code gate}). */
    private Path gate() {
        return directory.resolve("gate");
    }

    private void readWhileWriting(SharedDatabase database, WorkerProcess writer) throws Exception {
        writer.awaitOutput("its first trial", l -> l.stream().anyMatch(s -> s.startsWith(StudyWorker.TOLD)), PATIENCE);
        List<Integer> counts = new ArrayList<>();
        try (WorkerProcess reader = WorkerProcess.start("reader", directory, database, StudyLister.class,
                List.of("study=live", "until=" + TRIALS))) {
            // the writer waits after its first trial until the reader has read the study once: a fast
            // writer (PostgreSQL on an idle machine) would otherwise finish before the reader's JVM starts
            reader.awaitOutput("its first read", l -> l.stream().anyMatch(s -> s.startsWith(StudyLister.COUNT)),
                    PATIENCE);
            Files.createFile(gate());
            reader.awaitSuccess(PATIENCE);
            reader.lines(StudyLister.COUNT).forEach(l -> counts.add(Integer.parseInt(l[1])));
        }
        writer.awaitSuccess(PATIENCE);
        assertEquals(TRIALS, writer.lines(StudyWorker.TOLD).size(), "the writer told every trial: " + writer);
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) >= counts.get(i - 1), "the count never shrinks: " + counts);
        }
        assertTrue(counts.stream().anyMatch(c -> c > 0 && c < TRIALS),
                "the reader saw the study mid-sweep: " + counts);
        assertTrue(counts.stream().distinct().count() >= 2, "the reader saw the count grow: " + counts);
        assertEquals(TRIALS, counts.get(counts.size() - 1));
        System.out.println(database + ": reader rounds " + counts.size() + ", counts " + counts);
        assertAllComplete(database, "live", TRIALS);
    }

    private static void assertAllComplete(SharedDatabase database, String name, int trials) {
        try (Storage storage = database.open(); Study study = Study.builder().name(name).storage(storage)
                .heartbeatOff().load()) {
            List<TrialRecord> all = study.trials();
            assertEquals(trials, all.size());
            assertTrue(all.stream().allMatch(t -> t.state() == TrialState.COMPLETE), "no trial failed");
        }
    }

    /** The {@code server} entry of the address file: host:port of the process that serves the study file. */
    static String addressFileServer(Path addressFile) throws IOException {
        return addressFileEntry(addressFile, "server");
    }

    /** An entry of the address file. */
    static String addressFileEntry(Path addressFile, String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(addressFile)) {
            properties.load(in);
        }
        return String.valueOf(properties.getProperty(key));
    }

    /** The local addresses of the TCP sockets listening on {@code port}, from /proc/net/tcp and tcp6. */
    static List<String> listeningAddresses(int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table)); // read once: the table changes meanwhile
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    out.add(address(local[0]));
                }
            }
        }
        return out;
    }

    /** An address as /proc/net prints it: 4 or 16 bytes, in 32-bit words of host (little-endian) order. */
    private static String address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        // an IPv4-mapped IPv6 address (::ffff:a.b.c.d) comes back as the IPv4 address
        return java.net.InetAddress.getByAddress(bytes).getHostAddress();
    }
}
