package dev.osprey.launchers.internal;

import dev.osprey.launchers.protocol.ObjectiveLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTailTest {

    @TempDir
    Path dir;

    private void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsWholeNewLinesOnlyUntilTheJobEnds() throws Exception {
        Path file = dir.resolve("stdout.log");
        ReportTail tail = new ReportTail(file);
        assertEquals(List.of(), tail.read(false), "no file yet");
        append(file, "epoch 1\nosprey:report 0 0.5\r\nosprey:report 1 0.");
        assertEquals(List.of(new ObjectiveLines.Report(0, 0.5)), tail.read(false));
        append(file, "25\nosprey:report 2 nan\nosprey:report 3 0.125");
        assertEquals(List.of(new ObjectiveLines.Report(1, 0.25)), tail.read(false), "a NaN report is no report");
        assertEquals(List.of(new ObjectiveLines.Report(3, 0.125)), tail.read(true), "at the end the last line counts");
    }

    @Test
    void aRewrittenFileIsReadFromTheStart() throws Exception {
        Path file = dir.resolve("stdout.log");
        ReportTail tail = new ReportTail(file);
        append(file, "osprey:report 0 1\nosprey:report 1 2\n");
        assertEquals(2, tail.read(false).size());
        Files.writeString(file, "osprey:report 0 3\n");
        assertEquals(List.of(new ObjectiveLines.Report(0, 3)), tail.read(false));
    }
}
