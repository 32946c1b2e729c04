package dev.osprey.launchers.process;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.Overrides;
import dev.osprey.launchers.Job;
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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessLauncherTest extends ProgramLauncherContract {

    @Override
    protected Launcher newLauncher(int slots) {
        return Launchers.create("process", Config.of(Map.of("slots", slots, "kill_grace_s", 2)));
    }

    @Test
    void aNonZeroExitKeepsTheTailOfStderrAndTheExitCode() {
        JobResult result = await(launcher(1).submit(job(0, failing())));
        assertEquals(3, result.exitCode().orElseThrow());
        assertTrue(result.error().startsWith("exited with code 3"), result.error());
        assertTrue(result.error().contains("CUDA out of memory"), result.error());
    }

    @Test
    void theLastNumberLineOfStdoutIsTheObjective() {
        JobResult result = await(launcher(1).submit(job(0, sh("echo 5; echo 0.125; echo done"))));
        assertEquals(List.of(0.125), result.values());
    }

    @Test
    void aResultFileWinsOverStdout() {
        JobResult result = await(launcher(1).submit(job(0, sh("echo 9; echo 0.75 > \"$OSPREY_RESULT_FILE\""))));
        assertEquals(List.of(0.75), result.values());
    }

    @Test
    void garbageInTheResultFileFailsTheJobAndQuotesIt() {
        JobResult result = await(launcher(1).submit(job(0, sh("echo 9; echo 'loss: 0.75' > {result}"))));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("'loss: 0.75', not a number"), result.error());
    }

    @Test
    void noNumberAtAllFailsTheJob() {
        JobResult result = await(launcher(1).submit(job(0, sh("echo finished"))));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("no objective"), result.error());
    }

    @Test
    void severalNumbersOnALineAreSeveralObjectives() {
        assertEquals(List.of(0.5, 12.0), await(launcher(1).submit(job(0, sh("echo '0.5, 12'")))).values());
    }

    @Test
    void aMissingProgramFailsTheJobWithoutHanging() {
        JobResult result = await(launcher(1).submit(job(0, Task.Program.of("no-such-trainer-xyz", "--fast"))));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("cannot run program 'no-such-trainer-xyz'"), result.error());
    }

    @Test
    void placeholdersBecomeWholeArgumentsWithoutAShell() throws IOException {
        Job job = job(4, Task.Program.of("sh", "-c", "printf '%s|' \"$@\" > args.txt; echo 1", "prog",
                "{overrides}", "--cfg={config}", "{num}", "a b; echo pwned"));
        job = new Job(job.number(), job.task(), job.config(),
                List.of(Overrides.assignment("name", "x y; it's"), Overrides.assignment("lr", 0.1)), job.directory(),
                job.settings(), job.timeout(), job.pruning());
        assertEquals(JobStatus.COMPLETED, await(launcher(1).submit(job)).status());
        String args = Files.readString(job.directory().resolve("args.txt"));
        assertEquals("name=\"x y; it's\"|lr=0.1|--cfg=" + job.configFile() + "|4|a b; echo pwned|", args);
    }

    @Test
    void theProgramRunsInItsJobDirectoryWithTheOspreyEnvironment() throws IOException {
        Job job = job(2, sh("pwd > where.txt; echo \"$OSPREY_CONFIG\" >> where.txt;"
                + " printf '%s' \"$OSPREY_OVERRIDES\" >> where.txt; echo; echo 1"));
        await(launcher(1).submit(job));
        List<String> lines = Files.readAllLines(job.directory().resolve("where.txt"));
        assertEquals(job.directory().toRealPath().toString(), lines.get(0));
        assertEquals(job.configFile().toString(), lines.get(1));
        assertEquals(List.of("lr=0.01", "+job.num=2"), lines.subList(2, 4));
    }

    @Test
    void stdoutStderrAndTheResultAreFilesInTheJobDirectory() throws IOException {
        Job job = job(0, sh("echo out; echo err >&2; echo 0.5"));
        JobHandle handle = launcher(1).submit(job);
        JobResult result = await(handle);
        JobFiles files = new JobFiles(job.directory());
        assertEquals(List.of("out", "0.5"), Files.readAllLines(files.stdout()));
        assertEquals(List.of("err"), Files.readAllLines(files.stderr()));
        JobResult stored = ResultJson.read(files.result(), 0);
        assertEquals(List.of(result.status(), result.values(), result.exitCode(), result.error()),
                List.of(stored.status(), stored.values(), stored.exitCode(), stored.error()));
        assertEquals(files.stdout(), handle.logs().orElseThrow());
    }

    @Test
    void aTimedOutProgramThatIgnoresSigtermIsKilled() {
        Job job = job(0, sh("trap '' TERM; sleep 600 & wait; sleep 600")).withTimeout(java.time.Duration.ofMillis(300));
        JobResult result = await(launcher(1).submit(job));
        assertEquals(JobStatus.TIMED_OUT, result.status());
    }

    @Test
    void aJobDirectoryThatIsNotThereIsAnErrorBeforeLaunching() {
        Job job = Job.of(0, sh("echo 1"), Config.empty(), List.of(), work.resolve("missing"));
        LauncherException e = assertThrows(LauncherException.class, () -> launcher(1).submit(job));
        assertTrue(e.getMessage().contains("is not a writable directory"), e.getMessage());
    }

    @Test
    void javaObjectivesAreRefusedWithTheLauncherToUse() {
        Job job = job(0, new Task.JavaTask(c -> new double[] {1}));
        LauncherException e = assertThrows(LauncherException.class, () -> launcher(1).submit(job));
        assertTrue(e.getMessage().contains("in-process"), e.getMessage());
    }

    @Test
    void jobsRunInTheirDirectories() {
        Path dir = job(7, sh("echo 1")).directory();
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void anObjectiveFileFromAnEarlierRunInTheDirectoryIsNotReused() {
        Launcher launcher = launcher(1);
        Job first = job(0, sh("echo 0.5 > \"$OSPREY_RESULT_FILE\""));
        assertEquals(List.of(0.5), await(launcher.submit(first)).values());
        Job again = new Job(0, sh("echo 1"), first.config(), first.overrides(), first.directory(), first.settings(),
                first.timeout(), first.pruning());
        assertEquals(List.of(1.0), await(launcher.submit(again)).values());
    }

    @Test
    void aChildLeftRunningWithStdoutOpenDoesNotHoldTheResult() throws Exception {
        Job job = job(0, sh("(trap '' TERM; exec sleep 600) & echo $! > child.pid; echo 0.25; sleep 0.5"));
        try {
            JobResult result = await(launcher(1).submit(job));
            assertEquals(List.of(0.25), result.values(), result.error());
        } finally {
            Path pidFile = job.directory().resolve("child.pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void aMissingWorkingDirectoryIsRefusedBeforeAnyJobStarts() {
        assertAMissingWorkingDirectoryIsRefusedBeforeAnyJobStarts();
    }

    @Test
    void aWorkingDirectoryRemovedWhileTheJobWaitsForASlotFailsThatJob() throws Exception {
        Path launchedFrom = Files.createDirectories(work.resolve("removed"));
        Launcher launcher = launcher(1);
        JobHandle first = launcher.submit(job(0, runningLong()));
        JobHandle waiting = launcher.submit(job(1, Task.Program.of("sh", "-c", "echo 1").withWorkingDirectory(launchedFrom)));
        Files.delete(launchedFrom);
        first.cancel();
        JobResult result = await(waiting);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("cannot start the program: the working directory " + launchedFrom
                + " of program 'sh' does not exist"), result.error());
        assertEquals(JobStatus.CANCELLED, await(first).status());
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
