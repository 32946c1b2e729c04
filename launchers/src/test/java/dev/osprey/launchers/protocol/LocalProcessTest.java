package dev.osprey.launchers.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalProcessTest {

    @TempDir
    Path work;

    @Test
    void thisProcessRunsAndReadsBackFromItsLine() throws Exception {
        LocalProcess me = LocalProcess.current();
        assertTrue(me.isRunning());
        assertFalse(me.isGone());
        assertEquals(Optional.of(me), LocalProcess.parse(me.toString()));
        Path file = work.resolve("process");
        Files.writeString(file, me + "\n");
        assertEquals(Optional.of(me), LocalProcess.read(file));
    }

    @Test
    void aProcessThatEndedIsGoneAndAReusedPidIsNotTakenForIt() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        LocalProcess running = LocalProcess.of(sleeper.pid()).orElseThrow();
        assertTrue(running.isRunning());
        sleeper.destroyForcibly();
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
        assertTrue(running.isGone());
        // the same PID with another start time is another process
        LocalProcess me = LocalProcess.current();
        assertTrue(new LocalProcess(me.host(), me.pid(), me.start() + 1).isGone());
    }

    @Test
    void aZombieIsNotRunning() throws Exception {
        // the inner sleep ends at once, and the outer one (its parent after exec) never reaps it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 30").start();
        try {
            // one line: the outer sleep keeps stdout open, so reading to its end would wait for it
            long zombie = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(
                    parent.getInputStream())).readLine().strip());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (!Files.readString(Path.of("/proc", Long.toString(zombie), "stat")).contains(") Z ")) {
                assertTrue(Instant.now().isBefore(deadline), "the child became a zombie");
                Thread.sleep(10);
            }
            assertTrue(ProcessHandle.of(zombie).map(ProcessHandle::isAlive).orElse(false), "the JDK counts it alive");
            assertEquals(Optional.empty(), LocalProcess.of(zombie));
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aProcessOfAnotherHostIsNeverRunningNorProvablyGone() {
        LocalProcess elsewhere = new LocalProcess("another-host-" + LocalProcess.current().host(), 1, 1);
        assertFalse(elsewhere.isRunning());
        assertFalse(elsewhere.isGone());
    }

    @Test
    void linesThatAreNotAProcessAreNotReadAsOne() {
        assertEquals(Optional.empty(), LocalProcess.parse("host 12"));
        assertEquals(Optional.empty(), LocalProcess.parse("host twelve 3"));
        assertEquals(Optional.empty(), LocalProcess.parse("host -4 3"));
        assertEquals(Optional.empty(), LocalProcess.read(Path.of("no-such-file")));
        assertThrows(IllegalArgumentException.class, () -> new LocalProcess("a host", 1, 1));
    }
}
