package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GNU time's output, as the hydra suite reads it. */
class CpuTimeTest {

    @Test
    void userAndSystemSecondsAreAdded() {
        assertEquals(9.14, CpuTime.parse("7.72 1.42\n").orElseThrow(), 1e-9);
    }

    @Test
    void aLineAboutTheExitStatusComesFirst() {
        assertEquals(1.5, CpuTime.parse("Command exited with non-zero status 2\n1.00 0.50\n").orElseThrow(), 1e-9);
    }

    @Test
    void anythingElseIsNoFigure() {
        assertTrue(CpuTime.parse("").isEmpty());
        assertTrue(CpuTime.parse("Command terminated by signal 9\n").isEmpty());
    }

    @Test
    void theCommandIsWrappedWhole() {
        assertEquals(List.of("/usr/bin/time", "-f", "%U %S", "-o", "/tmp/cpu.txt", "python3", "app.py", "-m"),
                CpuTime.wrap(List.of("python3", "app.py", "-m"), Path.of("/tmp/cpu.txt")));
    }
}
