package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hydra suite's timings, from hand-made task records. */
class SweepTimesTest {

    private static final AtomicLong PIDS = new AtomicLong(1000);

    /** A task run in the one process of an in-process launcher, which began at 0. */
    private static TaskRecord inProcess(double start, double end, double value) {
        return new TaskRecord(start, end, end - start, value, 1, 0);
    }

    /** A task run in a process of its own whose script began at {@code loaded}. */
    private static TaskRecord ownProcess(double loaded, double start, double end, double value) {
        return new TaskRecord(start, end, end - start, value, PIDS.incrementAndGet(), loaded);
    }

    @Test
    void aSerialSweepHasOneSlotAndItsGapsAreTheTimesBetweenTasks() {
        // Hydra's basic launcher: a batch of two jobs, one after the other, then the next batch
        List<TaskRecord> tasks = List.of(inProcess(101.0, 101.2, 5), inProcess(101.3, 101.5, 3),
                inProcess(101.9, 102.1, 4));
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
        // two processes at a time: each slot's next process starts as its previous one ends
        List<TaskRecord> tasks = List.of(ownProcess(0.5, 1.0, 1.2, 9), ownProcess(0.6, 1.1, 1.3, 8),
                ownProcess(1.25, 1.7, 1.9, 7), ownProcess(1.35, 1.8, 2.0, 6));
        SweepTimes t = SweepTimes.of(tasks, 0.0, 2.2);
        assertEquals(2, t.parallelism());
        assertEquals((2 * 2.2 - 0.8) / 4, t.overheadPerTrial(), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.5}, t.gaps(), 1e-9);
        assertEquals(6, t.best());
    }

    @Test
    void processesOverlapEvenWhenTheirTaskFunctionsDoNot() {
        // the tasks themselves never run at the same time, but the second process started during the first
        List<TaskRecord> tasks = List.of(ownProcess(0.0, 0.6, 0.8, 1), ownProcess(0.5, 1.1, 1.3, 1),
                ownProcess(0.9, 1.5, 1.7, 1));
        assertEquals(2, SweepTimes.of(tasks, 0, 2).parallelism());
        assertArrayEquals(new double[] {0.7}, SweepTimes.of(tasks, 0, 2).gaps(), 1e-9);
    }

    @Test
    void theNextJobGoesToTheSlotFreeTheLongest() {
        // slot A frees at 1.0 and B at 1.3; the job starting at 1.4 is A's (gap 0.5 to its task), not B's (0.2)
        List<TaskRecord> tasks = List.of(ownProcess(0.3, 0.5, 1.0, 1), ownProcess(0.4, 0.8, 1.3, 1),
                ownProcess(1.4, 1.5, 2.0, 1), ownProcess(1.45, 1.9, 2.2, 1));
        assertArrayEquals(new double[] {0.5, 0.6}, SweepTimes.gaps(SweepTimes.jobs(tasks), 2), 1e-9);
    }

    @Test
    void jobsThatTouchDoNotOverlap() {
        assertEquals(1, SweepTimes.parallelism(SweepTimes.jobs(List.of(inProcess(0, 1, 0), inProcess(1, 2, 0),
                inProcess(2, 3, 0)))));
        assertEquals(3, SweepTimes.parallelism(SweepTimes.jobs(List.of(ownProcess(0, 0, 3, 0),
                ownProcess(0.5, 1, 2, 0), ownProcess(1.5, 1.5, 4, 0)))));
    }

    @Test
    void oneTaskHasNoGap() {
        SweepTimes t = SweepTimes.of(List.of(ownProcess(0.5, 1, 2, 0.5)), 0, 3);
        assertEquals(0, t.gaps().length);
        assertEquals(Double.NaN, t.medianGap());
        assertThrows(IllegalArgumentException.class, () -> SweepTimes.of(List.of(), 0, 1));
    }

    @Test
    void taskRecordsAreReadFromEveryJobFolder() throws Exception {
        Path dir = Files.createTempDirectory("sweep-times");
        Files.createDirectories(dir.resolve("multirun/0"));
        Files.createDirectories(dir.resolve("multirun/1/.hydra"));
        Files.writeString(dir.resolve("multirun/0/task.json"), "{\"start\": 10.5, \"end\": 10.75, \"seconds\": 0.2501,"
                + " \"value\": 0.4, \"x\": 3.1, \"y\": 2, \"pid\": 77, \"loaded\": 9.5}");
        Files.writeString(dir.resolve("multirun/1/task.json"),
                "{\"start\": 11, \"end\": 11.25, \"seconds\": 0.25, \"value\": 17, \"pid\": 78, \"loaded\": 10}");
        Files.writeString(dir.resolve("multirun/1/.hydra/config.yaml"), "x: 1\n");
        List<TaskRecord> records = TaskRecord.readAll(dir);
        assertEquals(2, records.size());
        assertEquals(0.4, records.stream().mapToDouble(TaskRecord::value).min().orElseThrow());
        assertEquals(new TaskRecord(10.5, 10.75, 0.2501, 0.4, 77, 9.5), TaskRecord.parse(
                "{\"start\": 10.5, \"end\": 10.75, \"seconds\": 0.2501, \"value\": 0.4, \"pid\": 77, \"loaded\": 9.5}"));
    }

    @Test
    void aBrokenRecordIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> TaskRecord.parse("{\"start\": 1, \"end\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> TaskRecord.parse("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> TaskRecord.parse(
                "{\"start\": 2, \"end\": 1, \"seconds\": 0, \"value\": 0, \"pid\": 1, \"loaded\": 0}"));
        assertThrows(IllegalArgumentException.class, () -> TaskRecord.parse(
                "{\"start\": 1, \"end\": 2, \"seconds\": 1, \"value\": 0, \"pid\": 1, \"loaded\": 1.5}"));
    }
}
