package dev.osprey.launchers.tsp;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.ProgramLauncherContract;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.ResultJson;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.RemoteTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tsp launcher against a real task-spooler, each test on its own queue socket. */
class TspLauncherTest extends ProgramLauncherContract {

    @TempDir
    Path queue;

    @BeforeEach
    void requireTaskSpooler() {
        RemoteTesting.require(Commands.find("tsp").isPresent(),
                "task-spooler's tsp is not on PATH; the tsp launcher tests need it (apt-get install task-spooler)");
    }

    private Path socket() {
        return queue.resolve("socket");
    }

    private Map<String, Object> settings(int slots) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("socket", socket().toString());
        settings.put("slots", slots);
        settings.put("kill_grace_s", 2);
        settings.put("poll_interval_ms", 50);
        return settings;
    }

    @Override
    protected Launcher newLauncher(int slots) {
        return Launchers.create("tsp", Config.of(settings(slots)));
    }

    @Test
    void theJobIdAndLogsAreKnownAtSubmission() {
        JobHandle handle = launcher(1).submit(job(0, returning(1.0)));
        assertTrue(handle.id().matches("\\d+"), handle.id());
        assertEquals(work.resolve("jobs/0/stdout.log").toAbsolutePath(), handle.logs().orElseThrow());
        assertEquals(JobStatus.COMPLETED, await(handle).status());
    }

    @Test
    void aFailedJobKeepsItsExitCodeAndStderrInResultJson() throws Exception {
        JobResult result = await(launcher(1).submit(job(0, failing())));
        assertEquals(3, result.exitCode().orElseThrow());
        assertTrue(result.error().startsWith("exited with code 3"), result.error());
        assertTrue(result.error().contains("CUDA out of memory"), result.error());
        JobResult written = ResultJson.read(new JobFiles(work.resolve("jobs/0")).result(), 0);
        assertEquals(JobStatus.FAILED, written.status());
    }

    @Test
    void garbageOutputFails() {
        JobResult result = await(launcher(1).submit(job(0, sh("echo 'loss: low'"))));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("no objective"), result.error());
    }

    @Test
    void aMissingProgramFailsInsteadOfHanging() {
        JobResult result = await(launcher(1).submit(job(0, Task.Program.of("no-such-program-osprey", "--lr", "1"))));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("cannot run program 'no-such-program-osprey'"), result.error());
    }

    @Test
    void valuesReachTheProgramVerbatimAndTheResultFileCounts() throws Exception {
        String tricky = "a b; $(id) \"q\" *";
        Task task = new Task.Program(List.of("sh", "-c", "printf '%s\\n' \"$1\" > arg.txt; echo 2 > \"$2\"",
                "sh", tricky, "{result}"), Map.of());
        JobResult result = await(launcher(1).submit(job(0, task)));
        assertEquals(List.of(2.0), result.values(), result.error());
        assertEquals(List.of(tricky), Files.readAllLines(work.resolve("jobs/0/arg.txt")));
    }

    @Test
    void theJobSeesItsOwnTmpdirNotTheQueues() throws Exception {
        Task task = sh("echo \"${TMPDIR:-unset} ${TS_SOCKET:-unset}\" > env.txt; echo 1");
        assertEquals(JobStatus.COMPLETED, await(launcher(1).submit(job(0, task))).status());
        String expected = System.getenv().getOrDefault("TMPDIR", "unset") + " "
                + System.getenv().getOrDefault("TS_SOCKET", "unset");
        assertEquals(expected, Files.readString(work.resolve("jobs/0/env.txt")).strip());
    }

    @Test
    void aJobKilledOutsideOspreyIsCancelledWithTheReason() throws Exception {
        JobHandle handle = launcher(1).submit(job(0, sh("echo started; sleep 600")));
        RemoteTesting.waitFor("the job to start", Duration.ofSeconds(30),
                () -> Files.exists(work.resolve("jobs/0/stdout.log")));
        // SIGKILL to the wrapper alone, as an OOM killer would: no result.json is written
        Commands.Output pid = Commands.run(List.of("tsp", "-p", handle.id()), Map.of("TS_SOCKET", socket().toString()),
                null, Duration.ofSeconds(10));
        ProcessHandle wrapper = ProcessHandle.of(Long.parseLong(pid.stdout().strip())).orElseThrow();
        List<ProcessHandle> program = wrapper.descendants().toList();
        wrapper.destroyForcibly();
        try {
            JobResult result = await(handle);
            assertEquals(JobStatus.CANCELLED, result.status(), result.error());
            assertTrue(result.error().contains("killed by signal 9"), result.error());
            assertTrue(result.error().contains("no result.json"), result.error());
        } finally {
            program.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aJobIgnoringSigtermIsKilledAfterTheGrace() {
        JobHandle handle = launcher(1).submit(job(0, sh("trap '' TERM; echo 'osprey:report 0 1'; sleep 600")));
        RemoteTesting.waitFor("the job to start", Duration.ofSeconds(30),
                () -> Files.exists(work.resolve("jobs/0/stdout.log")));
        handle.cancel();
        assertEquals(JobStatus.CANCELLED, await(handle).status());
    }

    @Test
    void theTaskSpoolerAliasNamesTheSameLauncher() {
        try (Launcher launcher = Launchers.create("task-spooler", Config.of(settings(1)))) {
            assertEquals(JobStatus.COMPLETED, await(launcher.submit(job(0, returning(0.5)))).status());
        }
    }

    @Test
    void aPrivateQueueIsTheDefault() {
        try (Launcher launcher = Launchers.create("tsp", Config.of(Map.of("poll_interval_ms", 50)))) {
            JobResult result = await(launcher.submit(job(0, returning(0.5))));
            assertEquals(List.of(0.5), result.values());
        }
        assertTrue(Files.notExists(socket()), "the private queue does not use the test's socket");
    }

    @Test
    void aMissingTspIsASetupErrorThatSaysHowToInstallIt() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Launchers.create("tsp", Config.of(Map.of("command", "no-such-tsp-osprey"))));
        assertTrue(e.getMessage().contains("'no-such-tsp-osprey'"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install task-spooler"), e.getMessage());
    }

    @Test
    void closingStopsTheServerItStarted() {
        Launcher launcher = newLauncher(1);
        assertEquals(JobStatus.COMPLETED, await(launcher.submit(job(0, returning(1.0)))).status());
        assertTrue(Files.exists(socket()));
        launcher.close();
        RemoteTesting.waitFor("tsp -K to remove the socket", Duration.ofSeconds(10), () -> Files.notExists(socket()));
    }

    @Test
    void aMissingWorkingDirectoryIsRefusedBeforeAnyJobStarts() {
        assertAMissingWorkingDirectoryIsRefusedBeforeAnyJobStarts();
    }

    @Test
    void aProgramGivenByARelativePathIsFoundInItsWorkingDirectory() throws Exception {
        assertARelativeProgramIsFoundInItsWorkingDirectory();
    }

    @Test
    void theJobGetsNoStoragePassword() throws Exception {
        assertTheJobGetsNoStoragePassword();
    }
}
