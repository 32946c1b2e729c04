package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hydra suite's timings, from hand-made task records. */
class SweepTimesTest {

    private static TaskRecord task(double start, double end, double value) {
        return new TaskRecord(start, end, end - start, value);
    }

    @Test
    void aSerialSweepHasOneSlotAndItsGapsAreTheTimesBetweenTasks() {
        // Hydra's basic launcher: a batch of two jobs, one after the other, then the next batch
        List<TaskRecord> tasks = List.of(task(101.0, 101.2, 5), task(101.3, 101.5, 3), task(101.9, 102.1, 4));
        SweepTimes t = SweepTimes.of(tasks, 100.0, 2.5);
        assertEquals(1, t.parallelism());
        assertEquals(1.0, t.startToFirstTask(), 1e-9);
        assertEquals(0.2, t.taskSeconds(), 1e-9);
        assertEquals((2.5 - 0.6) / 3, t.overheadPerTrial(), 1e-9);
        assertArrayEquals(new double[] {0.1, 0.4}, t.gaps(), 1e-9);
        assertEquals(0.25, t.medianGap(), 1e-9);
        assertEquals(3, t.best());
    }

    @Test
    void twoSlotsAreChargedTwiceTheWallTime() {
        // two at a time: each slot starts its next task 0.5 s after its previous one ended
        List<TaskRecord> tasks = List.of(task(1.0, 1.2, 9), task(1.1, 1.3, 8), task(1.7, 1.9, 7), task(1.8, 2.0, 6));
        SweepTimes t = SweepTimes.of(tasks, 0.0, 2.2);
        assertEquals(2, t.parallelism());
        assertEquals((2 * 2.2 - 0.8) / 4, t.overheadPerTrial(), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.5}, t.gaps(), 1e-9);
        assertEquals(6, t.best());
    }

    @Test
    void theNextTaskGoesToTheSlotFreeTheLongest() {
        // slot A frees at 1.0 and B at 1.3; the task at 1.5 is A's (gap 0.5), not B's (0.2)
        List<TaskRecord> tasks = List.of(task(0.5, 1.0, 1), task(0.8, 1.3, 1), task(1.5, 2.0, 1), task(1.9, 2.2, 1));
        assertArrayEquals(new double[] {0.5, 0.6}, SweepTimes.gaps(tasks, 2), 1e-9);
    }

    @Test
    void tasksThatTouchDoNotOverlap() {
        assertEquals(1, SweepTimes.parallelism(List.of(task(0, 1, 0), task(1, 2, 0), task(2, 3, 0))));
        assertEquals(3, SweepTimes.parallelism(List.of(task(0, 3, 0), task(1, 2, 0), task(1.5, 4, 0))));
    }

    @Test
    void oneTaskHasNoGap() {
        SweepTimes t = SweepTimes.of(List.of(task(1, 2, 0.5)), 0, 3);
        assertEquals(0, t.gaps().length);
        assertEquals(Double.NaN, t.medianGap());
        assertThrows(IllegalArgumentException.class, () -> SweepTimes.of(List.of(), 0, 1));
    }

    @Test
    void taskRecordsAreReadFromEveryJobFolder() throws Exception {
        Path dir = Files.createTempDirectory("sweep-times");
        Files.createDirectories(dir.resolve("multirun/0"));
        Files.createDirectories(dir.resolve("multirun/1/.hydra"));
        Files.writeString(dir.resolve("multirun/0/task.json"),
                "{\"start\": 10.5, \"end\": 10.75, \"seconds\": 0.2501, \"value\": 0.4, \"x\": 3.1, \"y\": 2}");
        Files.writeString(dir.resolve("multirun/1/task.json"),
                "{\"start\": 11, \"end\": 11.25, \"seconds\": 0.25, \"value\": 17}");
        Files.writeString(dir.resolve("multirun/1/.hydra/config.yaml"), "x: 1\n");
        List<TaskRecord> records = TaskRecord.readAll(dir);
        assertEquals(2, records.size());
        assertEquals(0.4, records.stream().mapToDouble(TaskRecord::value).min().orElseThrow());
        assertEquals(new TaskRecord(10.5, 10.75, 0.2501, 0.4), TaskRecord.parse(
                "{\"start\": 10.5, \"end\": 10.75, \"seconds\": 0.2501, \"value\": 0.4}"));
    }

    @Test
    void aBrokenRecordIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> TaskRecord.parse("{\"start\": 1, \"end\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> TaskRecord.parse("[1, 2]"));
        assertThrows(IllegalArgumentException.class,
                () -> TaskRecord.parse("{\"start\": 2, \"end\": 1, \"seconds\": 0, \"value\": 0}"));
    }
}
