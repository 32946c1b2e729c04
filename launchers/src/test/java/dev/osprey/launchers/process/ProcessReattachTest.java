package dev.osprey.launchers.process;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.ProgramLauncherContract;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.LocalProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job's life without the driver that started it: its wrapper keeps its output and exit code in
 * files, and another launcher (the next driver's) follows it from them.
 */
class ProcessReattachTest {

    @TempDir
    Path work;

    private final Launcher first = newLauncher();
    private final Launcher next = newLauncher();

    @AfterEach
    void close() {
        first.close();
        next.close();
    }

    private static Launcher newLauncher() {
        return Launchers.create("process", Config.of(Map.of("slots", 2, "kill_grace_s", 2)));
    }

    private Job job(int number, Task task) throws IOException {
        return Job.of(number, task, Config.empty(), List.of(), Files.createDirectories(work.resolve("job-" + number)));
    }

    @Test
    void aRunningJobIsFollowedToItsEndAndItsValueDecidedFromItsFiles() throws Exception {
        Path gate = work.resolve("gate");
        Job job = job(3, ProgramLauncherContract.sh("echo 'osprey:report 1 0.9'; until [ -e \"" + gate
                + "\" ]; do sleep 0.05; done; echo 0.25"));
        JobHandle started = first.submit(job);
        JobFiles files = new JobFiles(job.directory());
        await(() -> LocalProcess.read(files.process()).isPresent(), "the job records its wrapper");

        JobHandle followed = next.reattach(3, job.directory()).orElseThrow();
        assertFalse(followed.result().isDone(), "the job still runs");
        assertTrue(followed.id().contains("adopted"), followed.id());
        Files.createFile(gate);
        JobResult result = followed.result().get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.COMPLETED, result.status(), result.toString());
        assertEquals(List.of(0.25), result.values());
        assertEquals(List.of(0.25), started.result().get(30, TimeUnit.SECONDS).values());
    }

    @Test
    void aJobThatEndedWhileNoOneWatchedIsDecidedFromItsExitCodeAndOutput() throws Exception {
        Job job = job(1, ProgramLauncherContract.sh("echo 7; echo 0.5"));
        assertEquals(JobStatus.COMPLETED, first.submit(job).result().get(30, TimeUnit.SECONDS).status());
        JobFiles files = new JobFiles(job.directory());
        // as a driver killed before it wrote the result leaves the job: output and exit code only
        Files.delete(files.result());
        assertEquals(Optional.of(0), files.recordedExitCode());

        JobResult result = next.reattach(1, job.directory()).orElseThrow().result().get(30, TimeUnit.SECONDS);
        assertEquals(List.of(0.5), result.values());
        assertTrue(Files.exists(files.result()), "the decided result is written for later readers");
    }

    @Test
    void aFailedExitCodeFailsTheJobWithTheTailOfStderr() throws Exception {
        Job job = job(2, ProgramLauncherContract.sh("echo boom >&2; exit 4"));
        first.submit(job).result().get(30, TimeUnit.SECONDS);
        Files.delete(new JobFiles(job.directory()).result());

        JobResult result = next.reattach(2, job.directory()).orElseThrow().result().get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("exited with code 4") && result.error().contains("boom"), result.error());
    }

    @Test
    void aWrapperKilledBeforeItRecordedTheExitCodeFailsTheJobSayingSo() throws Exception {
        Job job = job(4, ProgramLauncherContract.sh("sleep 600"));
        first.submit(job);
        JobFiles files = new JobFiles(job.directory());
        await(() -> LocalProcess.read(files.process()).isPresent(), "the job records its wrapper");
        JobHandle followed = next.reattach(4, job.directory()).orElseThrow();
        ProcessHandle wrapper = ProcessHandle.of(LocalProcess.read(files.process()).orElseThrow().pid()).orElseThrow();
        List<ProcessHandle> family = wrapper.descendants().toList();
        wrapper.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);

        JobResult result = followed.result().get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("ended without recording the program's exit code"), result.error());
    }

    @Test
    void aDirectoryWithoutRecordsCannotBeFollowed() throws Exception {
        assertEquals(Optional.empty(), next.reattach(5, Files.createDirectories(work.resolve("empty"))));
    }

    @Test
    void whatAProgramLeavesRunningIsStoppedWhenItEnds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.osprey.launchers.internal.Commands.find("setsid").isPresent(),
                "setsid (util-linux) gives each job a session of its own; without it leftovers are not stopped");
        Job job = job(6, ProgramLauncherContract.sh("sleep 600 & echo $! > left-behind; echo 1"));
        assertEquals(JobStatus.COMPLETED, first.submit(job).result().get(30, TimeUnit.SECONDS).status());
        long pid = Long.parseLong(Files.readString(job.directory().resolve("left-behind")).strip());
        await(() -> LocalProcess.of(pid).isEmpty(), "the program's child is stopped");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
