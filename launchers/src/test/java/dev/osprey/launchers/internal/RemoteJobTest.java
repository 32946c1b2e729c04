package dev.osprey.launchers.internal;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a queued job turns its files and its scheduler's state into a result, with a scripted scheduler. */
class RemoteJobTest {

    @TempDir
    Path dir;

    /** Records what the job asked of it; states are fed to the job by the test. */
    static final class FakeScheduler implements Scheduler {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Map<String, QueueState> states(Collection<String> ids) {
            return Map.of();
        }

        @Override
        public void stop(String id) {
            calls.add("stop " + id);
        }

        @Override
        public void kill(String id) {
            calls.add("kill " + id);
        }
    }

    private final FakeScheduler scheduler = new FakeScheduler();

    private RemoteJob submit(Job job) {
        return RemoteJob.submitted(job, "7", scheduler, Duration.ofSeconds(1));
    }

    private Job job() {
        return Job.of(3, Task.Program.of("train"), Config.empty(), List.of(), dir);
    }

    private static QueueState.Ended ended(JobStatus status, OptionalInt exit, String how) {
        return new QueueState.Ended(status, exit, how, Optional.empty());
    }

    @Test
    void theWrappersResultDecides() throws Exception {
        RemoteJob handle = submit(job());
        ResultJson.write(JobResult.completed(3, List.of(0.5), OptionalInt.of(0), Duration.ofMillis(5),
                Optional.of(dir)), new JobFiles(dir).result());
        assertTrue(handle.update(ended(JobStatus.FAILED, OptionalInt.of(0), "exited with code 0"), true, System.nanoTime()));
        assertEquals(List.of(0.5), handle.result().join().values());
    }

    @Test
    void withoutAResultFileTheSchedulersViewDecidesAndTheLogsExplain() throws Exception {
        RemoteJob handle = submit(job());
        Files.writeString(new JobFiles(dir).stderr(), "Killed\n");
        handle.update(ended(JobStatus.CANCELLED, OptionalInt.empty(), "was killed by signal 9"), true, System.nanoTime());
        JobResult result = handle.result().join();
        assertEquals(JobStatus.CANCELLED, result.status());
        assertTrue(result.error().contains("fake reports that job 7 was killed by signal 9"), result.error());
        assertTrue(result.error().contains("left no result.json"), result.error());
        assertTrue(result.error().endsWith("Killed"), result.error());
        assertEquals(JobStatus.CANCELLED, ResultJson.read(new JobFiles(dir).result(), 3).status(),
                "the decision is written down for later readers");
    }

    @Test
    void aCompletedFileAgainstAFailedExitIsAFailure() throws Exception {
        RemoteJob handle = submit(job());
        ResultJson.write(JobResult.completed(3, List.of(0.5), OptionalInt.of(0), Duration.ZERO, Optional.of(dir)),
                new JobFiles(dir).result());
        handle.update(ended(JobStatus.FAILED, OptionalInt.of(3), "exited with code 3"), true, System.nanoTime());
        JobResult result = handle.result().join();
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("result.json says the job completed"), result.error());
    }

    @Test
    void reportLinesReachThePrunerWhichStopsTheJob() throws Exception {
        List<Double> seen = new ArrayList<>();
        RemoteJob handle = submit(job().withPruning((step, value) -> {
            seen.add(value);
            return step >= 1;
        }));
        Files.writeString(new JobFiles(dir).stdout(), "osprey:report 0 0.9\nosprey:report 1 0.8\nosprey:rep");
        assertFalse(handle.update(QueueState.RUNNING, true, System.nanoTime()));
        assertEquals(List.of(0.9, 0.8), seen);
        assertEquals(List.of("stop 7"), scheduler.calls);
        handle.update(ended(JobStatus.CANCELLED, OptionalInt.empty(), "was killed by signal 15"), true, System.nanoTime());
        JobResult result = handle.result().join();
        assertEquals(JobStatus.PRUNED, result.status());
        assertTrue(result.error().startsWith("pruned at step 1"), result.error());
    }

    @Test
    void aJobPastItsTimeoutIsStoppedThenKilledAfterTheGrace() {
        RemoteJob handle = submit(job().withTimeout(Duration.ofSeconds(10)));
        long start = System.nanoTime();
        handle.update(QueueState.RUNNING, true, start);
        handle.update(QueueState.RUNNING, true, start + Duration.ofSeconds(11).toNanos());
        assertEquals(List.of("stop 7"), scheduler.calls);
        handle.update(QueueState.RUNNING, true, start + Duration.ofMillis(11_500).toNanos());
        assertEquals(List.of("stop 7"), scheduler.calls, "SIGKILL waits for the grace (1 s)");
        handle.update(QueueState.RUNNING, true, start + Duration.ofMillis(12_500).toNanos());
        assertEquals(List.of("stop 7", "kill 7"), scheduler.calls);
        handle.update(ended(JobStatus.CANCELLED, OptionalInt.empty(), "was killed by signal 9"), true, System.nanoTime());
        assertEquals(JobStatus.TIMED_OUT, handle.result().join().status());
    }

    @Test
    void aQueuedJobCancelledAndRemovedEndsCancelledBeforeItStarted() {
        RemoteJob handle = submit(job());
        handle.cancel();
        assertTrue(handle.update(null, true, System.nanoTime()));
        JobResult result = handle.result().join();
        assertEquals(JobStatus.CANCELLED, result.status());
        assertEquals("cancelled before it started", result.error());
    }

    @Test
    void aJobTheSchedulerForgetsIsGivenAGraceThenFails() {
        RemoteJob handle = submit(job());
        assertFalse(handle.update(null, true, System.nanoTime()), "a fresh job may lag behind the listing");
        assertTrue(handle.update(null, true, System.nanoTime() + Duration.ofSeconds(6).toNanos()));
        JobResult result = handle.result().join();
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("fake no longer knows job 7"), result.error());
    }

    @Test
    void aRejectedJobHasFailedAlready() {
        RemoteJob handle = RemoteJob.rejected(job(), scheduler, "sbatch refused the job: bad partition");
        JobResult result = handle.poll().orElseThrow();
        assertEquals(JobStatus.FAILED, result.status());
        assertEquals("sbatch refused the job: bad partition", result.error());
        handle.cancel();
        assertTrue(scheduler.calls.isEmpty(), "nothing to stop");
    }
}
