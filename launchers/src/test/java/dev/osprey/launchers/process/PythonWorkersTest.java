package dev.osprey.launchers.process;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.Overrides;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process launcher with {@code python_workers} on: Python scripts run in interpreters kept from
 * job to job, each job with its own arguments, environment, working directory and output files, and
 * its outcome decided as for a process of its own.
 */
class PythonWorkersTest {

    @TempDir
    Path work;

    private final String python = Pythons.python();
    private final List<ProcessLauncher> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(ProcessLauncher::close);
    }

    private ProcessLauncher launcher(int slots) {
        ProcessLauncher launcher = new ProcessLauncher(slots, Duration.ofSeconds(2), true);
        opened.add(launcher);
        return launcher;
    }

    private Path script(String name, String text) {
        return Pythons.script(work.resolve("app"), name, text);
    }

    private Task run(Path script, String... arguments) {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(List.of(arguments));
        return new Task.Program(command, Map.of("APP_SETTING", "from-the-program"));
    }

    private Job job(int number, Task task) {
        try {
            Path dir = Files.createDirectories(work.resolve("jobs").resolve(Integer.toString(number)));
            return Job.of(number, task, Config.empty(), Overrides.parseAll(List.of("lr=0.01")), dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JobResult await(JobHandle handle) {
        try {
            return handle.result().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("job " + handle.number() + " gave no result: " + e, e);
        }
    }

    private String stdout(int number) throws IOException {
        return Files.readString(new JobFiles(work.resolve("jobs").resolve(Integer.toString(number))).stdout());
    }

    private String stderr(int number) throws IOException {
        return Files.readString(new JobFiles(work.resolve("jobs").resolve(Integer.toString(number))).stderr());
    }

    @Test
    void aScriptRunTwiceReusesTheInterpreterAndItsImportedModules() throws IOException {
        script("counter.py", "runs = 0\n");
        Path job = script("job.py", """
                import os, sys, counter
                counter.runs += 1
                print("pid", os.getpid(), "modules", id(sys.modules))
                print(counter.runs)
                """);
        ProcessLauncher launcher = launcher(1);
        List<Double> values = new ArrayList<>();
        List<String> pids = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            JobResult result = await(launcher.submit(job(n, run(job))));
            assertEquals(JobStatus.COMPLETED, result.status(), result.error());
            values.addAll(result.values());
            pids.add(stdout(n).lines().findFirst().orElseThrow());
        }
        assertEquals(List.of(1.0, 2.0, 3.0), values, "the helper module stays imported from job to job");
        assertEquals(1, pids.stream().distinct().count(), "one interpreter: " + pids);
        assertEquals(1, launcher.pythonWorkersStarted());
        assertEquals("0\n", Files.readString(new JobFiles(work.resolve("jobs/2")).exitCode()));
    }

    @Test
    void eachJobHasItsOwnArgumentsEnvironmentAndWorkingDirectoryAndLeavesNoneBehind() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Path job = script("job.py", """
                import os, sys
                print("argv", sys.argv[1:], os.path.basename(sys.argv[0]))
                print("env", os.environ.get("OSPREY_JOB_NUM"), os.environ.get("APP_SETTING"), os.environ.get("LEFT_BEHIND"))
                print("cwd", os.getcwd())
                print("path0", sys.path[0] == os.path.dirname(os.path.abspath(__file__)), "name", __name__)
                os.environ["LEFT_BEHIND"] = "yes"
                sys.argv.append("left-behind")
                os.chdir("/")
                print(os.environ["OSPREY_JOB_NUM"])
                """);
        ProcessLauncher launcher = launcher(1);
        JobResult first = await(launcher.submit(job(0, run(job, "a=1", "b c"))));
        JobResult second = await(launcher.submit(job(1, ((Task.Program) run(job, "a=2")).withWorkingDirectory(elsewhere))));
        assertEquals(List.of(0.0), first.values(), first.error());
        assertEquals(List.of(1.0), second.values(), second.error());
        assertEquals("argv ['a=1', 'b c'] job.py\nenv 0 from-the-program None\ncwd " + work.resolve("jobs/0").toRealPath()
                + "\npath0 True name __main__\n0\n", stdout(0));
        assertEquals("argv ['a=2'] job.py\nenv 1 from-the-program None\ncwd " + elsewhere.toRealPath()
                + "\npath0 True name __main__\n1\n", stdout(1));
        assertEquals(1, launcher.pythonWorkersStarted());
    }

    @Test
    void outputOfTheScriptItsChildrenAndCExtensionsLandsInTheJobsFiles() throws IOException {
        Path job = script("job.py", """
                import os, subprocess, sys
                print("from python")
                print("to stderr", file=sys.stderr)
                os.write(1, b"from fd 1\\n")
                subprocess.run(["sh", "-c", "echo from a child; echo child error >&2"], check=True)
                print(0.5)
                """);
        ProcessLauncher launcher = launcher(1);
        for (int n = 0; n < 2; n++) {
            JobResult result = await(launcher.submit(job(n, run(job))));
            assertEquals(List.of(0.5), result.values(), result.error());
            assertEquals("from python\nfrom fd 1\nfrom a child\n0.5\n", stdout(n));
            assertEquals("to stderr\nchild error\n", stderr(n));
        }
    }

    @Test
    void exitCodesExceptionsAndInterruptionsEndJobsAsTheyWouldEndAProcess() throws IOException {
        Path job = script("job.py", """
                import sys
                how = sys.argv[1]
                if how == "exit3":
                    sys.exit(3)
                if how == "raise":
                    raise ValueError("boom")
                if how == "message":
                    sys.exit("cannot go on")
                if how == "interrupt":
                    raise KeyboardInterrupt()
                if how == "exit0":
                    sys.exit(0)
                print(0.25)
                """);
        ProcessLauncher launcher = launcher(1);
        JobResult exit3 = await(launcher.submit(job(0, run(job, "exit3"))));
        assertEquals(JobStatus.FAILED, exit3.status());
        assertEquals(3, exit3.exitCode().orElseThrow());
        assertTrue(exit3.error().startsWith("exited with code 3"), exit3.error());

        JobResult raised = await(launcher.submit(job(1, run(job, "raise"))));
        assertEquals(JobStatus.FAILED, raised.status());
        assertEquals(1, raised.exitCode().orElseThrow());
        assertTrue(raised.error().contains("ValueError: boom"), raised.error());
        String traceback = stderr(1);
        assertTrue(traceback.startsWith("Traceback (most recent call last):\n  File \"" + job + "\", line 6, in <module>"),
                "Python's own traceback, from the script's frame on:\n" + traceback);
        assertFalse(traceback.contains("osprey_worker") || traceback.contains("runpy"), traceback);

        JobResult message = await(launcher.submit(job(2, run(job, "message"))));
        assertEquals(1, message.exitCode().orElseThrow());
        assertEquals("cannot go on\n", stderr(2));

        JobResult interrupted = await(launcher.submit(job(3, run(job, "interrupt"))));
        assertEquals(JobStatus.CANCELLED, interrupted.status(), interrupted.error());
        assertEquals(130, interrupted.exitCode().orElseThrow());

        JobResult noObjective = await(launcher.submit(job(4, run(job, "exit0"))));
        assertEquals(JobStatus.FAILED, noObjective.status());
        assertEquals(0, noObjective.exitCode().orElseThrow());
        assertTrue(noObjective.error().startsWith("no objective"), noObjective.error());

        JobResult fine = await(launcher.submit(job(5, run(job, "ok"))));
        assertEquals(List.of(0.25), fine.values(), fine.error());
        assertEquals(1, launcher.pythonWorkersStarted(), "a failed job leaves its worker serving");
        assertTrue(Files.readString(work.resolve("jobs/1/result.json")).contains("\"status\":\"FAILED\""));
    }

    @Test
    void cancellingOrTimingOutAJobKillsItsWorkerWithWhatItStartedAndAFreshOneServesTheNext() throws Exception {
        Path job = script("job.py", """
                import os, subprocess, sys, time
                if sys.argv[1] == "long":
                    child = subprocess.Popen(["sleep", "600"])
                    with open("child.pid", "w") as f:
                        f.write(str(child.pid))
                    print("osprey:report 0 1.0", flush=True)
                    time.sleep(600)
                print(os.getpid())
                """);
        ProcessLauncher launcher = launcher(1);
        int before = (int) await(launcher.submit(job(0, run(job, "short")))).values().get(0).doubleValue();

        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        JobHandle cancelled = launcher.submit(job(1, run(job, "long")).withPruning((step, value) -> {
            running.countDown(); // reported after it wrote its child's pid
            return false;
        }));
        Path childPid = work.resolve("jobs/1/child.pid");
        assertTrue(running.await(30, TimeUnit.SECONDS), "the job reported");
        cancelled.cancel();
        JobResult result = await(cancelled);
        assertEquals(JobStatus.CANCELLED, result.status(), result.error());
        assertFalse(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false), "the worker was killed");
        long child = Long.parseLong(Files.readString(childPid));
        awaitGone(child);

        JobResult timedOut = await(launcher.submit(job(2, run(job, "long")).withTimeout(Duration.ofSeconds(1))));
        assertEquals(JobStatus.TIMED_OUT, timedOut.status(), timedOut.error());

        JobResult after = await(launcher.submit(job(3, run(job, "short"))));
        assertEquals(JobStatus.COMPLETED, after.status(), after.error());
        assertNotEquals(before, (int) after.values().get(0).doubleValue());
        assertEquals(3, launcher.pythonWorkersStarted(), "each stopped job's worker was replaced");
    }

    @Test
    void aWorkerThatDiesIsRestartedForTheNextJob() throws Exception {
        Path job = script("job.py", """
                import os, sys
                if sys.argv[1] == "die":
                    print("dying", flush=True)
                    os._exit(7)
                print(os.getpid())
                """);
        ProcessLauncher launcher = launcher(1);
        JobResult died = await(launcher.submit(job(0, run(job, "die"))));
        assertEquals(JobStatus.FAILED, died.status());
        assertEquals(7, died.exitCode().orElseThrow(), "the worker's exit code is the job's");
        long pid = (long) await(launcher.submit(job(1, run(job, "live")))).values().get(0).doubleValue();
        assertEquals(2, launcher.pythonWorkersStarted());

        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // an idle worker killed from outside
        awaitGone(pid);
        JobResult next = await(launcher.submit(job(2, run(job, "live"))));
        assertEquals(JobStatus.COMPLETED, next.status(), next.error());
        assertEquals(3, launcher.pythonWorkersStarted());
    }

    @Test
    void aWorkerWhoseDriverGoesAwayStopsItsJobAndExits() throws Exception {
        Path job = script("job.py", """
                import subprocess, sys, time
                child = subprocess.Popen(["sleep", "600"])
                with open(sys.argv[1], "w") as started:
                    started.write(str(child.pid))
                time.sleep(600)
                """);
        Path dir = Files.createDirectories(work.resolve("jobs/0"));
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        PythonWorker worker = PythonWorker.start(new WorkerSpec(List.of(python), environment), workerScript(), work,
                work.resolve("worker.log"));
        try {
            Path started = work.resolve("started");
            assertEquals(0, new ProcessBuilder("mkfifo", started.toString()).start().waitFor());
            // reading the pipe waits for the job to have started its child
            java.util.concurrent.CompletableFuture<String> childPid = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readString(started);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            java.util.concurrent.CompletableFuture<PythonWorker.Answer> answer = worker.run(
                    PythonWorker.request(dir, work, List.of(job.toString(), started.toString()), environment));
            long child = Long.parseLong(childPid.get(30, TimeUnit.SECONDS).strip());
            worker.close(); // what the driver's death does: the worker's input ends
            PythonWorker.Answer died = answer.get(30, TimeUnit.SECONDS);
            assertFalse(died.answered());
            assertFalse(worker.isAlive());
            awaitGone(child);
        } finally {
            worker.signal("KILL");
        }
    }

    private Path workerScript() throws IOException {
        try (java.io.InputStream in = PythonWorkers.class.getResourceAsStream(PythonWorkers.SCRIPT)) {
            Path script = work.resolve(PythonWorkers.SCRIPT);
            Files.copy(in, script);
            return script;
        }
    }

    @Test
    void slotsRunJobsInParallelWorkersAndOtherProgramsRunAsProcesses() throws IOException {
        Path job = script("job.py", "import os\nprint(os.getpid())\n");
        ProcessLauncher launcher = launcher(2);
        List<JobHandle> handles = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            handles.add(launcher.submit(job(n, run(job))));
        }
        JobHandle shell = launcher.submit(job(8, Task.Program.of("sh", "-c", "echo 0.5")));
        for (JobHandle handle : handles) {
            assertEquals(JobStatus.COMPLETED, await(handle).status());
        }
        assertEquals(List.of(0.5), await(shell).values());
        assertTrue(handles.stream().allMatch(h -> h.id().startsWith("python worker pid ")), handles.get(0).id());
        assertTrue(shell.id().startsWith("pid "), shell.id());
        assertTrue(launcher.pythonWorkersStarted() <= 2, "one worker per slot at most");
    }

    @Test
    void anInterpreterThatCannotStartFailsTheJobWithItsWords() throws IOException {
        Path job = script("job.py", "print(1)\n");
        Task task = new Task.Program(List.of(python, "-X", "frozen_modules=maybe", job.toString()), Map.of());
        JobResult result = await(launcher(1).submit(job(0, task)));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("frozen_modules"), result.error());
    }

    private static void awaitGone(long pid) {
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }
}
